import { AppError } from '../../../platform/errors/app-error.ts';
import { formatBytes } from '../../../platform/files/store.ts';
import { tooManyFeatures } from './limits.ts';

/**
 * Reads a GeoJSON document as it streams in, handing out the elements of the root object's
 * `features` array one at a time, parsed, without ever holding the whole text: a FeatureCollection
 * of any size takes the memory of its largest feature, and the reader can stop at the feature
 * that passes a limit. The root's other members (`type`, `crs`, `name` …) are kept, parsed; a root
 * that is not an object is kept whole. Each value is validated by JSON.parse; the structure
 * around them (braces, commas, colons) is checked here.
 */

type State =
  | 'start'
  | 'first-key'
  | 'key'
  | 'colon'
  | 'value'
  | 'member-end'
  | 'first-item'
  | 'item'
  | 'item-end'
  | 'done';

type Purpose = 'key' | 'member' | 'item' | 'root';

interface Capture {
  purpose: Purpose;
  kind: 'string' | 'nested' | 'bare';
  parts: string[];
  /** Where the value's text starts in the current chunk. */
  from: number;
  length: number;
  depth: number;
  inString: boolean;
  /** A backslash ended the previous chunk: the first character of this one is escaped. */
  escaped: boolean;
}

const QUOTE_OR_ESCAPE = /["\\]/g;
const STRUCTURE = /["{}[\]]/g;
const BARE_END = /[,}\]\s]/g;
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

export class JsonFeatureScanner {
  /** The root object's members other than `features`. */
  readonly members = new Map<string, unknown>();
  /** Whether the root object has a `features` array: its elements are what `push` returns. */
  hasFeatureArray = false;
  /** The root value when it is not an object. */
  root: unknown = undefined;
  /** Elements of `features` handed out so far. */
  items = 0;

  private state: State = 'start';
  private capture: Capture | null = null;
  private key = '';
  /** Characters before the current chunk, to say where an error is. */
  private offset = 0;

  /**
   * @param maxValueChars the longest one feature (or any other root member) may be, in characters
   * @param maxItems most features the array may have: the next one stops the reading there
   */
  constructor(
    private readonly maxValueChars: number,
    private readonly maxItems = Infinity,
  ) {}

  /** Reads the next piece of text; returns the elements of `features` it completed, parsed. */
  push(chunk: string): unknown[] {
    const out: unknown[] = [];
    let i = 0;
    while (i < chunk.length) {
      if (this.capture) {
        i = this.continueCapture(chunk, i, out);
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (WHITESPACE.has(c) || (c === 0xfeff && this.state === 'start' && this.offset + i === 0)) {
        i++;
        continue;
      }
      const ch = chunk[i]!;
      switch (this.state) {
        case 'start':
          if (ch === '{') {
            this.state = 'first-key';
            i++;
          } else i = this.startCapture(chunk, i, 'root');
          break;
        case 'first-key':
        case 'key':
          if (ch === '}' && this.state === 'first-key') {
            this.state = 'done';
            i++;
          } else if (ch === '"') i = this.startCapture(chunk, i, 'key');
          else throw this.bad(chunk, i, '应为字段名');
          break;
        case 'colon':
          if (ch !== ':') throw this.bad(chunk, i, '字段名后应为“:”');
          this.state = 'value';
          i++;
          break;
        case 'value':
          if (this.key === 'features' && ch === '[') {
            this.hasFeatureArray = true;
            this.state = 'first-item';
            i++;
          } else i = this.startCapture(chunk, i, 'member');
          break;
        case 'member-end':
          if (ch === ',') this.state = 'key';
          else if (ch === '}') this.state = 'done';
          else throw this.bad(chunk, i, '应为“,”或“}”');
          i++;
          break;
        case 'first-item':
        case 'item':
          if (ch === ']' && this.state === 'first-item') {
            this.state = 'member-end';
            i++;
          } else if (ch === ']' || ch === ',') throw this.bad(chunk, i, '缺少要素');
          else i = this.startCapture(chunk, i, 'item');
          break;
        case 'item-end':
          if (ch === ',') this.state = 'item';
          else if (ch === ']') this.state = 'member-end';
          else throw this.bad(chunk, i, '要素之间应为“,”或“]”');
          i++;
          break;
        case 'done':
          throw this.bad(chunk, i, 'JSON 结束后还有多余的内容');
      }
    }
    if (this.capture) this.keepPart(chunk, chunk.length);
    this.offset += chunk.length;
    return out;
  }

  /** The text has ended; throws when the document is incomplete. */
  end(): void {
    if (this.capture?.kind === 'bare' && this.capture.purpose === 'root') {
      this.finish(this.take(), []);
      return;
    }
    if (this.capture || this.state !== 'done') {
      throw new AppError('file_unreadable', { reason: `GeoJSON 不完整（文件在第 ${this.offset} 个字符处中途结束）` });
    }
  }

  /** Begins capturing the value that starts at `i`; returns where scanning goes on (past an opening quote or bracket). */
  private startCapture(chunk: string, i: number, purpose: Purpose): number {
    const ch = chunk[i];
    const kind = ch === '"' ? 'string' : ch === '{' || ch === '[' ? 'nested' : 'bare';
    this.capture = { purpose, kind, parts: [], from: i, length: 0, depth: kind === 'nested' ? 1 : 0, inString: kind === 'string', escaped: false };
    return kind === 'bare' ? i : i + 1;
  }

  /** Scans the value being captured from `i`; returns where scanning goes on. */
  private continueCapture(chunk: string, i: number, out: unknown[]): number {
    const cap = this.capture!;
    if (cap.escaped) {
      cap.escaped = false;
      i++;
    }
    if (cap.kind === 'bare') {
      BARE_END.lastIndex = i;
      const m = BARE_END.exec(chunk);
      if (!m) return chunk.length;
      this.keepPart(chunk, m.index);
      this.finish(this.take(), out);
      return m.index;
    }
    while (i < chunk.length) {
      const pattern = cap.inString ? QUOTE_OR_ESCAPE : STRUCTURE;
      pattern.lastIndex = i;
      const m = pattern.exec(chunk);
      if (!m) return chunk.length;
      const at = m.index;
      const ch = chunk[at];
      if (ch === '\\') {
        if (at + 1 >= chunk.length) {
          cap.escaped = true;
          return chunk.length;
        }
        i = at + 2;
      } else if (ch === '"') {
        cap.inString = !cap.inString;
        i = at + 1;
        if (cap.kind === 'string') return this.close(chunk, i, out);
      } else if (ch === '{' || ch === '[') {
        cap.depth++;
        i = at + 1;
      } else {
        cap.depth--;
        i = at + 1;
        if (cap.depth === 0) return this.close(chunk, i, out);
      }
      this.checkLength(cap, i - cap.from);
    }
    return chunk.length;
  }

  private close(chunk: string, end: number, out: unknown[]): number {
    this.keepPart(chunk, end);
    this.finish(this.take(), out);
    return end;
  }

  private keepPart(chunk: string, end: number): void {
    const cap = this.capture!;
    if (end > cap.from) {
      cap.parts.push(chunk.slice(cap.from, end));
      cap.length += end - cap.from;
    }
    cap.from = 0; // the next chunk continues the value from its start
    this.checkLength(cap, 0);
  }

  private checkLength(cap: Capture, pending: number): void {
    if (cap.length + pending > this.maxValueChars) {
      const what = cap.purpose === 'item' ? `第 ${this.items + 1} 个要素` : cap.purpose === 'key' ? '字段名' : `字段“${this.key}”的值`;
      throw new AppError('file_unreadable', { reason: `GeoJSON 中${what}超过 ${formatBytes(this.maxValueChars)} 的上限，无法读取` });
    }
  }

  private take(): string {
    const text = this.capture!.parts.join('');
    this.capture = null;
    return text;
  }

  private finish(text: string, out: unknown[]): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new AppError('file_unreadable', { reason: `GeoJSON 不是有效的 JSON（${this.describe()}：${(error as Error).message}）` });
    }
    switch (this.state) {
      case 'first-key':
      case 'key':
        this.key = value as string;
        this.state = 'colon';
        break;
      case 'value':
        this.members.set(this.key, value);
        this.state = 'member-end';
        break;
      case 'first-item':
      case 'item':
        if (++this.items > this.maxItems) throw tooManyFeatures(this.maxItems);
        out.push(value);
        this.state = 'item-end';
        break;
      default:
        this.root = value;
        this.state = 'done';
    }
  }

  private describe(): string {
    if (this.state === 'first-item' || this.state === 'item') return `第 ${this.items + 1} 个要素`;
    if (this.state === 'value') return `字段“${this.key}”`;
    return `第 ${this.offset} 个字符附近`;
  }

  private bad(chunk: string, i: number, what: string): AppError {
    const near = JSON.stringify(chunk.slice(i, i + 20));
    return new AppError('file_unreadable', { reason: `GeoJSON 不是有效的 JSON（第 ${this.offset + i + 1} 个字符处${what}，实为 ${near}）` });
  }
}
