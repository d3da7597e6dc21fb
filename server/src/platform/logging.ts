import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { compile as compileTrust } from '@fastify/proxy-addr';
import { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from '../config.ts';

/**
 * One logger for the whole process: start-up steps, the ready banner, requests and errors.
 * `json` writes one JSON object a line to standard output and nothing else (what a log collector
 * reads in production); `pretty` writes short readable lines for a person at a terminal.
 */
export function createLogger(config: Pick<Config, 'logLevel' | 'logFormat'>, destination: NodeJS.WritableStream = process.stdout): Logger {
  if (config.logFormat === 'json') return pino({ level: config.logLevel }, destination);
  const stream = pretty({
    destination,
    sync: true, // lines in the order they were logged, none lost when the process exits
    colorize: destination === process.stdout && process.stdout.isTTY === true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,reqId,startup,request,ready',
    singleLine: true,
  });
  return pino({ level: config.logLevel }, stream);
}

/** Incoming request ids: printable, short enough for a log line, nothing a log viewer could misread. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Request ids unique across processes and restarts (a UUID each), or the one a trusted reverse
 * proxy sent in `X-Request-Id`, so a request can be followed from the proxy's log into ours.
 */
export function requestIdGenerator(trustProxy: Config['trustProxy']): (req: IncomingMessage) => string {
  const trusted = trustProxy === true ? () => true : trustProxy === false ? () => false : compileTrust(trustProxy);
  return (req) => {
    const incoming = req.headers['x-request-id'];
    const peer = req.socket.remoteAddress;
    if (typeof incoming === 'string' && REQUEST_ID.test(incoming) && peer !== undefined && trusted(peer, 0)) return incoming;
    return randomUUID();
  };
}

/**
 * One log line per finished request (method, URL, status, milliseconds) instead of Fastify's two.
 * JSON logs keep every request at `info` (the access log); on a terminal they are `debug`, so the
 * ready banner and the warnings stay in view (`LOG_LEVEL=debug` shows them).
 */
export class RequestLines extends LogController {
  private readonly level: 'info' | 'debug';

  constructor(format: Config['logFormat']) {
    super();
    this.level = format === 'json' ? 'info' : 'debug';
  }

  override incomingRequest() {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const ms = Math.round(reply.elapsedTime);
    const line = { request: { method: request.method, url: request.url, status: reply.statusCode, ms } };
    const text = `${request.method} ${request.url} ${reply.statusCode} ${ms} ms`;
    if (error) request.log.error({ ...line, err: error }, text);
    else request.log[this.level](line, text);
  }
}

/** Each request's id goes back to the client in `X-Request-Id`, to quote when reporting a problem. */
export function returnRequestIds(app: FastifyInstance) {
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
}
