/**
 * Output built as UTF-8 bytes in one reused buffer and handed on when it is
 * full: for a consumer that writes hundreds of megabytes of small pieces
 * (parse --json). Strings joined piece by piece would make a rope object per
 * piece and encode the whole text again on its way out.
 *
 * The buffer is handed on only between pieces, so each chunk is whole UTF-8.
 * The chunk is lent: the receiver must be done with it when it returns.
 */
const SIZE = 1 << 18;

const BACKSLASH = 92;
const QUOTE = 34;

export class ByteOut {
  private buf = new Uint8Array(SIZE);
  private pos = 0;
  private readonly encoder = new TextEncoder();

  constructor(private readonly receive: (chunk: Uint8Array) => void) {}

  /** Room for n more bytes in the buffer (handing on what it holds first, if need be). */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) this.buf = new Uint8Array(n);
  }

  /** Bytes made once and written many times (the layout's fixed pieces). */
  bytes(piece: Uint8Array): void {
    const n = piece.length;
    this.room(n);
    this.buf.set(piece, this.pos);
    this.pos += n;
  }

  /** Any text, as UTF-8. */
  text(s: string): void {
    this.room(3 * s.length);
    this.pos += this.encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
  }

  /** A non-negative integer in decimal (positions: below 2^31). */
  uint(v: number): void {
    this.room(16);
    const buf = this.buf;
    let p = this.pos;
    // Integer steps ((x / 10) | 0), not Math.floor on doubles: half the time, and there are millions.
    if (v < 10) {
      buf[p] = 48 + v;
      this.pos = p + 1;
      return;
    }
    if (v > 0x7fffffff) {
      this.text(String(v));
      return;
    }
    p += v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5 : v < 1000000 ? 6 : v < 10000000 ? 7 : v < 100000000 ? 8 : v < 1000000000 ? 9 : 10;
    this.pos = p;
    let x = v;
    do {
      const t = (x / 10) | 0;
      buf[--p] = 48 + x - 10 * t;
      x = t;
    } while (x > 0);
  }

  /**
   * `text.slice(start, end)` as a JSON string, exactly as JSON.stringify
   * writes it. Printable ASCII without `"` or `\` (nearly every word of a
   * configuration) is copied as it is; anything else goes through
   * JSON.stringify.
   */
  jsonString(text: string, start: number, end: number): void {
    this.room(end - start + 2);
    const buf = this.buf;
    let p = this.pos;
    buf[p++] = QUOTE;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === QUOTE || c === BACKSLASH) {
        this.text(JSON.stringify(text.slice(start, end)));
        return;
      }
      buf[p++] = c;
    }
    buf[p++] = QUOTE;
    this.pos = p;
  }

  /** Hands on what the buffer holds. */
  flush(): void {
    if (this.pos === 0) return;
    this.receive(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }
}
