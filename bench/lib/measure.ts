import http from 'node:http';

/** The q-th quantile (0…1) of a sample, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export interface Timed {
  ms: number;
  status: number;
  bytes: number;
  headers: http.IncomingHttpHeaders;
}

/**
 * GET over a kept-alive loopback connection, timed from the request to the last body byte.
 * node:http rather than fetch, so the client does not spend the measured time gunzipping.
 */
export class HttpClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  constructor(
    private readonly base: URL,
    private readonly headers: Record<string, string> = {},
  ) {}

  get(path: string, headers: Record<string, string> = {}): Promise<Timed> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.get(new URL(path, this.base), { agent: this.agent, headers: { ...this.headers, ...headers } }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, bytes, headers: res.headers }));
        res.on('error', reject);
      });
      req.on('error', reject);
    });
  }

  close() {
    this.agent.destroy();
  }
}

/** POST JSON once (sign-in); returns the status, the body and the Set-Cookie header. */
export function postJson(base: URL, path: string, body: unknown): Promise<{ status: number; body: string; cookies: string[] }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = http.request(new URL(path, base), { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, cookies: res.headers['set-cookie'] ?? [] }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}
