import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/**
 * What a top-level object gives, key by key: a whole value, or, for an array
 * read element by element, an empty array as its value and then each element.
 */
export interface JsonVisitor {
  value(key: string, value: unknown): void;
  /** `text`: the element as it was written, for a caller that stores it as JSON */
  element(key: string, element: unknown, text: string): void;
}

type State = 'start' | 'key' | 'colon' | 'value' | 'elements' | 'done';

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDelimiter = (c: number) => isSpace(c) || c === 0x2c || c === 0x7d || c === 0x5d;

/**
 * A top-level JSON object read in pieces of text: each value is parsed on its
 * own, and the arrays under `streamed` keys element by element, so a shard's
 * thousands of reports are never one string or one object. Any valid JSON
 * layout reads the same; what is not JSON throws. Not stream-json: it makes
 * a token object of every key and value in JavaScript, and read a 225 MB
 * shard in 10.7 s CPU against 3.3 s here, where each record goes to V8's
 * JSON.parse whole.
 */
export class TopLevelReader {
  private state: State = 'start';
  private key = '';
  /** the value or element being captured: its text so far, nesting depth, string state */
  private capturing = false;
  private text = '';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private inKey = false;
  private scalar = false;

  constructor(
    private readonly streamed: ReadonlySet<string>,
    private readonly visitor: JsonVisitor,
  ) {}

  write(chunk: string): void {
    let from = 0;
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.capturing) {
        i = this.scan(chunk, i);
        if (this.capturing) {
          this.text += chunk.slice(from, i);
          return;
        }
        this.emit(this.text + chunk.slice(from, i));
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      switch (this.state) {
        case 'start':
          this.expect(c === 0x7b, chunk, i);
          this.state = 'key';
          i++;
          break;
        case 'key':
          if (c === 0x2c || c === 0x7d) {
            this.state = c === 0x7d ? 'done' : 'key';
            i++;
            break;
          }
          this.expect(c === 0x22, chunk, i);
          this.inKey = true;
          from = i;
          this.begin(c);
          break;
        case 'colon':
          this.expect(c === 0x3a, chunk, i);
          this.state = 'value';
          i++;
          break;
        case 'value':
          if (c === 0x5b && this.streamed.has(this.key)) {
            this.visitor.value(this.key, []);
            this.state = 'elements';
            i++;
            break;
          }
          from = i;
          this.begin(c);
          break;
        case 'elements':
          if (c === 0x2c) i++;
          else if (c === 0x5d) {
            this.state = 'key';
            i++;
          } else {
            from = i;
            this.begin(c);
          }
          break;
        case 'done':
          this.expect(false, chunk, i);
      }
    }
  }

  end(): void {
    if (this.capturing && this.scalar) this.emit(this.text);
    if (this.state !== 'done') throw new SyntaxError('unexpected end of JSON input');
  }

  private begin(first: number): void {
    this.capturing = true;
    this.scalar = first !== 0x22 && first !== 0x7b && first !== 0x5b;
    this.text = '';
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
  }

  /** Scans from `i` while the captured value goes on; returns where it ended (exclusive), or the chunk's end. */
  private scan(chunk: string, i: number): number {
    const n = chunk.length;
    if (this.scalar) {
      // a number, true, false or null: up to the next delimiter, which is not part of it
      while (i < n && !isDelimiter(chunk.charCodeAt(i))) i++;
      if (i < n) this.capturing = false;
      return i;
    }
    for (; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) {
          this.inString = false;
          if (this.depth === 0) return this.ended(i + 1);
        }
      } else if (c === 0x22) this.inString = true;
      else if (c === 0x7b || c === 0x5b) this.depth++;
      else if ((c === 0x7d || c === 0x5d) && --this.depth === 0) return this.ended(i + 1);
    }
    return n;
  }

  private ended(at: number): number {
    this.capturing = false;
    return at;
  }

  private emit(text: string): void {
    this.capturing = false;
    const value = JSON.parse(text) as unknown;
    if (this.inKey) {
      this.inKey = false;
      this.key = value as string;
      this.state = 'colon';
    } else if (this.state === 'elements') this.visitor.element(this.key, value, text);
    else {
      this.visitor.value(this.key, value);
      this.state = 'key';
    }
  }

  private expect(ok: boolean, chunk: string, at: number): void {
    if (!ok) throw new SyntaxError(`unexpected ${JSON.stringify(chunk[at])} in JSON`);
  }
}

/** Reads a JSON file's top-level object through `visitor`, a megabyte at a time. */
export async function readJsonStream(path: string, streamed: ReadonlySet<string>, visitor: JsonVisitor): Promise<void> {
  const reader = new TopLevelReader(streamed, visitor);
  const decoder = new StringDecoder('utf8');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
    reader.write(decoder.write(chunk as Buffer));
  reader.write(decoder.end());
  reader.end();
}
