/**
 * JSON with comments (`//`, `/* *\/`) and trailing commas, as VS Code's
 * settings and tsconfig.json allow: what people write in
 * `.keepalived-lint.json`. Errors name the line and column (1-based), not a
 * character offset. A small recursive-descent parser rather than stripping
 * comments for JSON.parse, so every error points at the user's own text.
 */

export class JsoncError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

export function parseJsonc(text: string): unknown {
  return new Parser(text).document();
}

class Parser {
  private i = 0;

  constructor(private readonly s: string) {
    if (s.charCodeAt(0) === 0xfeff) this.i = 1;
  }

  document(): unknown {
    this.space();
    if (this.i >= this.s.length) this.fail("the file is empty: expected a JSON object such as {}");
    const v = this.value(0);
    this.space();
    if (this.i < this.s.length) this.fail(`unexpected ${this.shown()} after the end of the value`);
    return v;
  }

  private value(depth: number): unknown {
    if (depth > 64) this.fail("nested too deeply");
    const c = this.s[this.i];
    if (c === "{") return this.object(depth);
    if (c === "[") return this.array(depth);
    if (c === '"') return this.string();
    if (c === "-" || (c >= "0" && c <= "9")) return this.number();
    for (const [word, v] of [["true", true], ["false", false], ["null", null]] as const) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return v;
      }
    }
    if (c === "'") this.fail("strings take double quotes in JSON");
    return this.fail(`expected a value, found ${this.shown()}`);
  }

  private object(depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.i++;
    this.space();
    while (this.s[this.i] !== "}") {
      if (this.s[this.i] !== '"') this.fail(`expected a property name in double quotes or "}", found ${this.shown()}`);
      const key = this.string();
      this.space();
      if (this.s[this.i] !== ":") this.fail(`expected ":" after "${key}", found ${this.shown()}`);
      this.i++;
      this.space();
      out[key] = this.value(depth + 1);
      this.space();
      if (this.s[this.i] === ",") {
        this.i++;
        this.space();
      } else if (this.s[this.i] !== "}") this.fail(`expected "," or "}" after the value of "${key}", found ${this.shown()}`);
    }
    this.i++;
    return out;
  }

  private array(depth: number): unknown[] {
    const out: unknown[] = [];
    this.i++;
    this.space();
    while (this.s[this.i] !== "]") {
      out.push(this.value(depth + 1));
      this.space();
      if (this.s[this.i] === ",") {
        this.i++;
        this.space();
      } else if (this.s[this.i] !== "]") this.fail(`expected "," or "]" in the list, found ${this.shown()}`);
    }
    this.i++;
    return out;
  }

  private string(): string {
    const start = this.i;
    this.i++;
    let out = "";
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined || c === "\n") {
        this.i = start;
        this.fail("unterminated string");
      }
      if (c === '"') break;
      if (c === "\\") {
        const e = this.s[this.i + 1];
        const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e !== undefined && e in simple) {
          out += simple[e];
          this.i += 2;
        } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(this.s.slice(this.i + 2, this.i + 6))) {
          out += String.fromCharCode(parseInt(this.s.slice(this.i + 2, this.i + 6), 16));
          this.i += 6;
        } else this.fail("invalid escape in string");
        continue;
      }
      out += c;
      this.i++;
    }
    this.i++;
    return out;
  }

  private number(): number {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.s.slice(this.i, this.i + 64));
    if (!m) this.fail(`invalid number ${this.shown()}`);
    this.i += m![0].length;
    return Number(m![0]);
  }

  /** Blanks and comments. */
  private space(): void {
    for (;;) {
      const c = this.s[this.i];
      if (c === " " || c === "\t" || c === "\n" || c === "\r") this.i++;
      else if (c === "/" && this.s[this.i + 1] === "/") {
        const nl = this.s.indexOf("\n", this.i);
        this.i = nl < 0 ? this.s.length : nl;
      } else if (c === "/" && this.s[this.i + 1] === "*") {
        const end = this.s.indexOf("*/", this.i + 2);
        if (end < 0) this.fail("unterminated /* comment");
        this.i = end + 2;
      } else return;
    }
  }

  private shown(): string {
    if (this.i >= this.s.length) return "the end of the file";
    const c = this.s[this.i];
    return /[\x00-\x1f]/.test(c) ? `character U+${c.charCodeAt(0).toString(16).padStart(4, "0")}` : `"${c}"`;
  }

  private fail(message: string): never {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < this.i && k < this.s.length; k++) {
      if (this.s.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    throw new JsoncError(message, line, this.i - lineStart + 1);
  }
}
