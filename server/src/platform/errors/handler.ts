import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatBytes } from '../files/store.ts';
import { AppError } from './app-error.ts';
import { fromPostgresError } from './postgres.ts';
import { describeValidation } from './validation.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The largest file this route takes, in bytes, when it takes one (multipart or a raw body with
     * a parser of its own): a 413 names it. Other routes are refused at their body limit.
     */
    uploadLimit?: number;
  }
}

/** The wire shape of every error: `{ error: { code, message, details } }`. */
export function sendError(reply: FastifyReply, error: AppError) {
  return reply.status(error.status).send({ error: { code: error.code, message: error.message, details: error.details } });
}

/**
 * Maps whatever was thrown to a catalogue error. Messages are always the catalogue's Chinese: the
 * English text of Fastify, its plugins or PostgreSQL goes, for a 4xx, into `details.cause` at most.
 * Unknown errors become `internal` and are logged, never echoed.
 */
export function toAppError(error: unknown, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const problems = describeValidation(fastifyError.validation, fastifyError.validationContext);
    return new AppError('validation_failed', { summary: problems.map((p) => p.message).join('；'), fields: problems });
  }
  const fromDb = fromPostgresError(error);
  if (fromDb) return fromDb;
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return fromClientError(fastifyError, request);
  if (error instanceof Error && MULTIPART_PARSER_ERROR.test(error.message)) {
    return new AppError('malformed_request', { reason: '上传的表单数据（multipart）不完整或格式有误', cause: error.message });
  }
  request.log.error({ err: error }, 'unhandled error');
  return new AppError('internal', { requestId: request.id });
}

/**
 * What busboy (under @fastify/multipart) throws, without a status, for a body that is not the
 * multipart it claims to be: the client's mistake, not the server's.
 */
const MULTIPART_PARSER_ERROR = /^(Multipart: |Unexpected end of (form|multipart data)$|Malformed part header$)/;

/** Request problems Fastify or a plugin found (status 400–499), by their code, else by status. */
function fromClientError(error: FastifyError, request: FastifyRequest): AppError {
  const cause = { cause: error.message, ...(error.code ? { errorCode: error.code } : {}) };
  const malformed = (reason: string) => new AppError('malformed_request', { reason, ...cause });
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', { type: request.headers['content-type'] || '（未注明）' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(request);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return malformed('声明为 JSON 的请求体是空的');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return malformed('JSON 无法解析');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return malformed('请求体的长度与 Content-Length 不符');
    case 'FST_ERR_BAD_URL':
      return malformed('网址中有无法解码的字符');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return malformed('网址中的参数过长');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return malformed('上传文件须使用 multipart/form-data 格式');
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return malformed('表单中声明为 JSON 的字段无法解析');
    case 'FST_PROTO_VIOLATION':
      return malformed('表单中有不允许的字段名');
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return malformed('表单中的文件或字段过多');
    case 'FST_MP_PREMATURE_CLOSE':
      return malformed('上传未完成，连接已中断');
  }
  if (error instanceof SyntaxError) return malformed('JSON 无法解析');
  switch (error.statusCode) {
    case 401:
      return new AppError('unauthenticated', cause);
    case 403:
      return new AppError('forbidden', cause);
    case 404:
      return new AppError('route_not_found', { method: request.method, url: request.url.split('?')[0] ?? '/', ...cause });
    case 413:
      return tooLarge(request, cause);
    case 415:
      return new AppError('unsupported_media_type', { type: request.headers['content-type'] || '（未注明）', ...cause });
    default:
      return malformed('服务器无法处理该请求');
  }
}

/** A 413 that names the limit the request went over: the route's upload limit, else its body limit. */
function tooLarge(request: FastifyRequest, details: Record<string, unknown> = {}): AppError {
  const limit = request.routeOptions.config?.uploadLimit ?? request.routeOptions.bodyLimit;
  return new AppError('payload_too_large', { limit: formatBytes(limit), ...details });
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error, request, reply) => sendError(reply, toAppError(error, request)));
}

/**
 * For Fastify's `frameworkErrors` option: errors found before any route is chosen (a URL that
 * cannot be decoded, a parameter too long), which the error handler never sees.
 */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  void sendError(reply, toAppError(error, request));
}
