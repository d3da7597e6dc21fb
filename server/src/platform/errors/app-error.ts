import { catalogue, renderMessage, type ErrorCode } from './catalogue.ts';

/** An error the client should see, by catalogue code. Thrown anywhere; rendered by the one handler. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(renderMessage(code, details));
    this.status = catalogue[code].status;
  }
}

export function notFound(entity: string, id?: string | number): AppError {
  return new AppError('not_found', { entity, ...(id === undefined ? {} : { id }) });
}
