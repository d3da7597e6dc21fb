import type { FieldProblem } from './api-types.ts';
import { i18n } from './i18n.ts';

/**
 * An error answer from the API: `{ error: { code, message, details } }`. `message` is Chinese
 * and meant for people; code branches on `code`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field-level problems of a 400 validation answer (`details.fields`). */
  get fields(): FieldProblem[] {
    const fields = this.details.fields;
    return Array.isArray(fields) ? (fields as FieldProblem[]) : [];
  }
}

export const isApiError = (error: unknown, code?: string): error is ApiError =>
  error instanceof ApiError && (code === undefined || error.code === code);

/** The user-facing text of any error a request can throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return i18n.t('errors.unexpected');
}

// The CSRF token pairs with the HttpOnly session cookie; it comes from login, /api/me and a
// password change, and must travel on every cookie-authenticated write.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

type UnauthenticatedListener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/** Called when any request answers 401 (session expired, signed out elsewhere): the shell sends the user to sign-in. */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /** JSON-serialised unless it is FormData (multipart uploads). */
  body?: unknown;
  signal?: AbortSignal;
  /** false for requests whose 401 is an ordinary answer (signing in), not a lost session. */
  redirectOn401?: boolean;
}

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The one way the web app talks to the server. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), { method, headers, body, signal: options.signal, credentials: 'same-origin' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (response.ok) return parsed as T;

  const error = toApiError(response.status, parsed);
  if (response.status === 401 && options.redirectOn401 !== false) {
    for (const listener of unauthenticatedListeners) listener(error);
  }
  throw error;
}

function toApiError(status: number, body: unknown): ApiError {
  const shaped = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (shaped && typeof shaped.code === 'string') {
    const message = typeof shaped.message === 'string' && shaped.message ? shaped.message : i18n.t('errors.unexpected');
    const details = shaped.details && typeof shaped.details === 'object' ? (shaped.details as Record<string, unknown>) : {};
    return new ApiError(status, shaped.code, message, details);
  }
  return new ApiError(status, 'bad_response', i18n.t('errors.badResponse', { status }));
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body }),
  put: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PATCH', body }),
};
