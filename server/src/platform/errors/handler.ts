import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error.ts';
import { fromPostgresError } from './postgres.ts';
import { describeValidation } from './validation.ts';

/** The wire shape of every error: `{ error: { code, message, details } }`. */
export function sendError(reply: FastifyReply, error: AppError) {
  return reply.status(error.status).send({ error: { code: error.code, message: error.message, details: error.details } });
}

/** Maps whatever was thrown to a catalogue error. Unknown errors become `internal` and are logged, never echoed. */
export function toAppError(error: unknown, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const problems = describeValidation(fastifyError.validation, fastifyError.validationContext);
    return new AppError('validation_failed', { summary: problems.map((p) => p.message).join('；'), fields: problems });
  }
  const fromDb = fromPostgresError(error);
  if (fromDb) return fromDb;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', { type: request.headers['content-type'] ?? '' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('payload_too_large', { limit: '允许' });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('malformed_request', { reason: fastifyError.message });
  }
  if (fastifyError.statusCode === 400 && error instanceof SyntaxError) {
    return new AppError('malformed_request', { reason: 'JSON 无法解析' });
  }
  request.log.error({ err: error }, 'unhandled error');
  return new AppError('internal', { requestId: request.id });
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error, request, reply) => sendError(reply, toAppError(error, request)));
}
