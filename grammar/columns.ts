/** Typed-array columns of TreeStore and WordColumns, and how they grow. */
export type Column = Int32Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;

/** A copy of `a` with room for `size` entries (only the copied part is touched). */
export function grow<T extends Column>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
