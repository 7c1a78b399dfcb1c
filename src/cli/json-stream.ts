/**
 * Pretty-printed JSON (JSON.stringify's layout with two-space indents)
 * written piece by piece, so a large document never exists as one string.
 * The caller opens and closes containers and writes fields or elements;
 * values inside a field are stringified whole.
 */
const FLUSH_AT = 1 << 20;

export class JsonStream {
  private buffer = "";
  /** Per open container: has it had an entry yet? */
  private entries: boolean[] = [];
  private afterKey = false;

  constructor(private readonly write: (text: string) => void) {}

  /** Starts an object or array as the next value. */
  open(bracket: "{" | "["): void {
    this.beginValue();
    this.put(bracket);
    this.entries.push(false);
  }

  close(bracket: "}" | "]"): void {
    const had = this.entries.pop();
    if (had) this.put(`\n${this.indent()}`);
    this.put(bracket);
  }

  /** Starts a field of the current object; the next open() or value() is its value. */
  key(name: string): void {
    this.beginEntry();
    this.put(`${JSON.stringify(name)}: `);
    this.afterKey = true;
  }

  /** A field with its value; skipped when the value is undefined, as JSON.stringify skips it. */
  field(name: string, value: unknown): void {
    if (value === undefined) return;
    this.key(name);
    this.value(value);
  }

  /** A whole value: an element of the current array, or the value of the last key. */
  value(value: unknown): void {
    this.beginValue();
    const depth = this.entries.length;
    if (depth === 0) {
      this.put(JSON.stringify(value, null, 2));
      return;
    }
    // Indented to its depth by JSON.stringify itself: the value `depth` arrays deep, the arrays' own
    // lines cut off. Re-indenting every line of the text afterwards cost most of parse --json.
    let wrapped: unknown = value;
    for (let i = 0; i < depth; i++) wrapped = [wrapped];
    const text = JSON.stringify(wrapped, null, 2);
    // Before the value: "[\n" at each depth, indented, then the value's own indent; after it: "\n" + indent + "]" at each.
    let before = 2 * depth;
    let after = 0;
    for (let i = 0; i < depth; i++) {
      before += 2 * i + 2;
      after += 2 * i + 2;
    }
    this.put(text.slice(before, text.length - after));
  }

  /**
   * A value (an element, or the value of the last key) that `write` puts
   * out itself, after what is buffered here; `depth` is how many indents
   * deep the value's first line is (its `{` or `[` is on it).
   */
  raw(write: (depth: number) => void): void {
    this.beginValue();
    this.flush();
    write(this.entries.length);
  }

  /** Writes what is buffered (call once at the end). */
  end(): void {
    this.put("\n");
    this.flush();
  }

  private beginValue(): void {
    if (this.afterKey) this.afterKey = false;
    else if (this.entries.length > 0) this.beginEntry();
  }

  private beginEntry(): void {
    const n = this.entries.length - 1;
    this.put(this.entries[n] ? `,\n${this.indent()}` : `\n${this.indent()}`);
    this.entries[n] = true;
  }

  private indent(): string {
    return "  ".repeat(this.entries.length);
  }

  private put(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.buffer === "") return;
    this.write(this.buffer);
    this.buffer = "";
  }
}
