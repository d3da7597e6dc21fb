import type { FastifySchemaValidationError } from 'fastify';
import { describe, expect, it } from 'vitest';
import { describeValidation, fieldLabel } from './validation.ts';

const problem = (p: Partial<FastifySchemaValidationError> & { parentSchema?: object }) =>
  ({ instancePath: '', schemaPath: '#', params: {}, message: '', keyword: 'type', ...p }) as FastifySchemaValidationError;

describe('validation messages', () => {
  it('names a field by its schema title or the start of its description', () => {
    expect(fieldLabel({ title: '林班号' }, 'compartment')).toBe('林班号');
    expect(fieldLabel({ description: '手机号（11 位）' }, 'phone')).toBe('手机号');
    expect(fieldLabel({ description: '用户名：3–32 位小写字母' }, 'username')).toBe('用户名');
    expect(fieldLabel(undefined, 'phone')).toBe('phone');
  });

  it('keeps one problem per field, the specific rule rather than the union noise', () => {
    const fields = describeValidation(
      [
        problem({ instancePath: '/phone', keyword: 'type', params: { type: 'null' } }),
        problem({ instancePath: '/phone', keyword: 'pattern', params: { pattern: '^1\\d{10}$' }, parentSchema: { description: '手机号（11 位）' } }),
        problem({ instancePath: '/phone', keyword: 'anyOf' }),
        problem({ keyword: 'required', params: { missingProperty: 'name' }, parentSchema: { properties: { name: { description: '姓名' } } } }),
      ],
      'body',
    );
    expect(fields).toEqual([
      { field: 'phone', rule: 'pattern', message: '「手机号」格式不正确' },
      { field: 'name', rule: 'required', message: '缺少必填项「姓名」' },
    ]);
  });
});
