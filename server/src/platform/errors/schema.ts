import { Type, type TSchema } from 'typebox';

export const ErrorResponse = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.String({ description: '稳定的错误代码，供程序判断', examples: ['not_found'] }),
        message: Type.String({ description: '中文错误说明，供人阅读' }),
        details: Type.Record(Type.String(), Type.Unknown(), { description: '补充信息，如出错的字段' }),
      },
      { description: '错误的代码、说明与补充信息' },
    ),
  },
  { description: '错误' },
);

/** Response schemas for a route: its own success bodies plus the shared error body for 4xx and 5xx. */
export function responses<T extends Record<number, TSchema>>(success: T) {
  return { ...success, '4xx': ErrorResponse, '5xx': ErrorResponse };
}
