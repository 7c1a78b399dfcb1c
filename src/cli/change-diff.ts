/**
 * A unified diff built from what changed, not from two whole texts: the
 * formatter's replaced lines (format --diff), the fixes' edits
 * (--fix-dry-run). The unchanged lines between changes are never compared;
 * hunks are written as the changes arrive, in order, with `context` lines
 * around them, as `diff -u` writes them (within a run of adjacent changed
 * lines, deletions before insertions). A million changed lines make one
 * pass and a few flat strings, not a million-entry comparison.
 */
import type { Edit } from "../../grammar/ast.js";
import { lineIndexAt, SourceFile } from "../../grammar/source.js";
import type { LineChanges } from "../formatter/index.js";
import { hunkRange, NO_NEWLINE, Pieces } from "./diff.js";

/**
 * The diff of `oldText` and what `produce` changes of it: it hands whole old
 * lines [from, to), where they are in `oldText`, and their replacement (whole
 * lines) to the function it is given, in order, not overlapping. "" when
 * nothing changes.
 */
export function diffOfChanges(oldText: string, produce: (changed: LineChanges) => void, oldName: string, newName: string, context = 3): string {
  return diffChunksOfChanges(oldText, produce, oldName, newName, context).join("");
}

/**
 * diffOfChanges() as chunks of text to write in order (none when nothing
 * changes): a reformatted file's diff is tens of megabytes, and joining it
 * only to write it costs a copy of it, twice its memory and ~3% of the command.
 */
export function diffChunksOfChanges(oldText: string, produce: (changed: LineChanges) => void, oldName: string, newName: string, context = 3): string[] {
  const writer = new HunkWriter(oldText, context);
  produce((from, to, text, start, end) => writer.change(from, to, text, start, end));
  return writer.finish(oldName, newName);
}

/**
 * Offset edits of one text (sorted, not overlapping, as applyEdits applied
 * them) as whole-line changes: edits touching the same line become one
 * change.
 */
export function lineChangesOfEdits(text: string, edits: readonly Edit[]): (changed: LineChanges) => void {
  return (changed) => {
    const lines = new SourceFile("", text).lineStarts;
    const lineOf = (offset: number) => lineIndexAt(lines, offset);
    /** Where line `line` starts (the text's length for lines past the end). */
    const startOf = (line: number) => (line < lines.length ? lines[line] : text.length);
    /** The line after the last one `e` replaces text of (an insertion: of the line it is in; at the end of a text whose last line is ended, no line). */
    const endOf = (e: Edit) => {
      const last = lineOf(e.end > e.start ? e.end - 1 : e.start);
      return startOf(last) < text.length ? last + 1 : last;
    };
    let k = 0;
    while (k < edits.length) {
      const from = lineOf(edits[k].start);
      let replacement = text.slice(startOf(from), edits[k].start);
      let to = from;
      let at = edits[k].start;
      for (;;) {
        // Edits on a line already in the change (or right where the last one ended) join it.
        for (; k < edits.length && (edits[k].start === at || lineOf(edits[k].start) < to); k++) {
          replacement += text.slice(at, edits[k].start) + edits[k].text;
          at = edits[k].end;
          to = Math.max(to, endOf(edits[k]));
        }
        const end = startOf(to);
        replacement += text.slice(at, end);
        at = end;
        // The change ends where a line ends in the new text too: text joined onto the next line takes that line in.
        if (replacement === "" || replacement.endsWith("\n") || end >= text.length) break;
        to++;
      }
      changed(from, to, replacement, startOf(from), startOf(to));
    }
  };
}

class HunkWriter {
  private readonly out = new Pieces();
  /** The hunk being written: its body, where it starts (1-based, each side) and its lengths; undefined when none is open. */
  private body: Pieces | undefined;
  private oldStart = 0;
  private newStart = 0;
  private oldLen = 0;
  private newLen = 0;
  /** Insertions of the current run of changed lines (prefix and line, each), written after its deletions. */
  private inserts: string[] = [];
  /** Old lines before `next` (which starts at offset `nextAt`) are written or left out; new lines minus old lines so far. */
  private next = 0;
  private nextAt = 0;
  private delta = 0;

  constructor(
    private readonly old: string,
    private readonly context: number,
  ) {}

  change(from: number, to: number, text: string, start: number, end: number): void {
    const old = this.old;
    if (from < this.next || to < from || start < this.nextAt || end < start || end > old.length) throw new Error(`diff: change of lines [${from}, ${to}) out of order or past the end`);
    // One line for one (a reformatted file is half a million of them): no lists made.
    if (to === from + 1 && isOneLine(text)) {
      const line = old.slice(start, end);
      if (line === text) return;
      this.keepUntil(from, start);
      this.write("-", line);
      this.inserts.push("+", ended(text));
      this.oldLen++;
      this.newLen++;
      this.moveTo(to, end);
      return;
    }
    // Lines the change leaves as they were, at its start and its end, are not changes.
    const oldLines = splitKeepingBreaks(old.slice(start, end));
    if (oldLines.length !== to - from) throw new Error(`diff: change of lines [${from}, ${to}) given ${oldLines.length} lines`);
    const newLines = splitKeepingBreaks(text);
    let head = 0;
    while (head < oldLines.length && head < newLines.length && newLines[head] === oldLines[head]) head++;
    let tail = 0;
    while (oldLines.length - tail > head && newLines.length - tail > head && newLines[newLines.length - 1 - tail] === oldLines[oldLines.length - 1 - tail]) tail++;
    const removed = oldLines.length - tail - head;
    const added = newLines.length - tail - head;
    if (removed === 0 && added === 0) return;
    let at = start;
    for (let i = 0; i < head; i++) at += oldLines[i].length;
    this.keepUntil(from + head, at);
    for (let i = head; i < oldLines.length - tail; i++) {
      this.write("-", oldLines[i]);
      at += oldLines[i].length;
    }
    for (let j = head; j < newLines.length - tail; j++) this.inserts.push("+", ended(newLines[j]));
    this.oldLen += removed;
    this.newLen += added;
    this.delta += added - removed;
    this.moveTo(from + head + removed, at);
  }

  finish(oldName: string, newName: string): string[] {
    if (!this.body) return [];
    this.closeHunk();
    return [`--- ${oldName}\n+++ ${newName}\n`, ...this.out.flatChunks()];
  }

  private moveTo(line: number, at: number): void {
    this.next = line;
    this.nextAt = at;
  }

  /** Unchanged lines up to old line `line` (at offset `at`): context of the open hunk, or a new hunk after them. */
  private keepUntil(line: number, at: number): void {
    if (this.body && line - this.next > 2 * this.context) this.closeHunk();
    if (!this.body) {
      // The hunk starts `context` lines before the change (fewer after the last hunk or at the file's start).
      let first = line;
      let firstAt = at;
      while (first > this.next && line - first < this.context) {
        // The line before starts after the line break before its own (at 0 when there is none).
        firstAt = firstAt < 2 ? 0 : this.old.lastIndexOf("\n", firstAt - 2) + 1;
        first--;
      }
      this.body = new Pieces();
      this.oldStart = first + 1;
      this.newStart = first + this.delta + 1;
      this.oldLen = 0;
      this.newLen = 0;
      this.moveTo(first, firstAt);
    }
    if (line > this.next) this.endRun();
    while (this.next < line) this.keep();
  }

  private closeHunk(): void {
    this.endRun();
    for (let k = 0; k < this.context && this.nextAt < this.old.length; k++) this.keep();
    this.out.add(`@@ -${hunkRange(this.oldStart, this.oldLen)} +${hunkRange(this.newStart, this.newLen)} @@\n`);
    this.out.addAll(this.body!);
    this.body = undefined;
  }

  /** Old line `next`, unchanged: context. */
  private keep(): void {
    const nl = this.old.indexOf("\n", this.nextAt);
    const end = nl < 0 ? this.old.length : nl + 1;
    this.write(" ", this.old.slice(this.nextAt, end));
    this.oldLen++;
    this.newLen++;
    this.moveTo(this.next + 1, end);
  }

  /** The run of changes ends: its insertions follow its deletions. */
  private endRun(): void {
    const inserts = this.inserts;
    if (inserts.length === 0) return;
    for (let k = 0; k < inserts.length; k++) this.body!.add(inserts[k]);
    this.inserts = [];
  }

  /** A line of the open hunk: kept (" ") or deleted ("-"). */
  private write(prefix: string, line: string): void {
    this.body!.add(prefix);
    this.body!.add(ended(line));
  }
}

/** A line as a diff shows it: with its line break, or a note that it has none. */
function ended(line: string): string {
  return line.endsWith("\n") ? line : `${line}\n${NO_NEWLINE}\n`;
}

/** Is `text` one line (with its line break, or the file's last without one)? */
function isOneLine(text: string): boolean {
  const nl = text.indexOf("\n");
  return nl < 0 ? text !== "" : nl === text.length - 1;
}

/** Lines, each with its line break (a last one may have none). */
function splitKeepingBreaks(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < text.length) {
    const nl = text.indexOf("\n", at);
    const end = nl < 0 ? text.length : nl + 1;
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}
