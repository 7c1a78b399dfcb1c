/**
 * Physical lines of a file, cut from the lossless tree, and what the formatter
 * may do with each one. keepalived reads line by line and handles definitions,
 * `@id` prefixes, `~SEQ`, includes and `$NAME` expansion before it splits
 * braces, so any line touched by those steps is only re-indented: moving a
 * word or a brace across it could change what keepalived reads.
 */
// the facts alone: the schema's index also loads the keyword descriptions, which `format` never needs
import { QUOTED_NAMES } from "../../grammar/schema/facts.js";
import type { CstToken } from "../../grammar/cst.js";
import { scanTokens } from "./scan.js";

/** keepalived reads at most 1023 bytes per physical line, newline included (fgets with MAXBUF 1024). */
export const MAX_LINE_BYTES = 1023;

export type LineKind =
  /** Only blanks (or nothing). */
  | "blank"
  /** Only a comment. */
  | "comment"
  /** Words, quotes and braces: rearranged freely (braces get their own lines). */
  | "code"
  /** Content kept exactly as written; only the indentation changes. */
  | "reindent"
  /** Kept byte for byte, indentation included. */
  | "verbatim";

export interface PhysLine {
  /** Tokens of the line, line break excluded. */
  tokens: CstToken[];
  /** The line break as written ("" for a last line without one). */
  eol: string;
  /** Offset of the line's first byte. */
  start: number;
  /** Offset just past the line break. */
  end: number;
  /** The line's text without its line break. */
  text: string;
  kind: LineKind;
  /** A `$NAME=` line, or a line keepalived appends to a multiline definition. */
  definition: boolean;
  /** A definition (or continuation) line ending in `\`: the next lines belong to the same definition. */
  continues: boolean;
  /** A blank line that ends a multiline definition: it must stay. */
  endsDefinition: boolean;
  /** Net `{` minus `}` as keepalived counts them after the brace split (0 for definition lines). */
  braceDelta: number;
  /** Closing braces before the first other content (they pull the line's own indentation back). */
  leadingCloses: number;
}

const FORMAT_DIRECTIVE = /^[#!]\s*keepalived-lint\s+format\s+(off|on)\b/;
const DEFINITION_START = /^\$[A-Za-z_][A-Za-z0-9_]*=/;
/** keepalived's include directives: the rest of the line is one glob pattern, braces and quotes included. */
const INCLUDE_WORD = /^include[rmwba]?$/;

/** The `off`/`on` word of a `# keepalived-lint format off|on` comment line, if it is one. */
export function formatDirective(line: PhysLine): "off" | "on" | undefined {
  if (line.kind !== "comment" && !(line.kind === "verbatim" && isCommentOnly(line.tokens))) return undefined;
  const c = line.tokens.find((t) => t.type === "Comment");
  const m = c ? FORMAT_DIRECTIVE.exec(c.text) : null;
  return m ? (m[1] as "off" | "on") : undefined;
}

function isCommentOnly(tokens: CstToken[]): boolean {
  return tokens.some((t) => t.type === "Comment") && tokens.every((t) => t.type === "Comment" || t.type === "Blank");
}

/** No content, but not blank either: the reader skips such a line inside a multiline definition. */
function isSkippedInDefinition(tokens: CstToken[]): boolean {
  const empty = (t: CstToken) => t.type === "Comment" || t.type === "Blank" || t.type === "Nul";
  return tokens.every(empty) && tokens.some((t) => t.type !== "Blank");
}

/** Tokens that carry content keepalived reads (comments and blanks excluded). */
function codeTokens(tokens: CstToken[]): CstToken[] {
  const out: CstToken[] = [];
  for (const t of tokens) {
    // keepalived's reader stops at a NUL (fgets/strlen): nothing after it is read
    if (t.type === "Comment" || t.type === "Nul") break;
    if (t.type !== "Blank") out.push(t);
  }
  return out;
}

function isDefinitionStart(tokens: CstToken[]): boolean {
  let seen = 0;
  for (const t of tokens) {
    if (t.type === "Blank") continue;
    if (t.type !== "Word") return false;
    // `@id $NAME=…` is a definition when the id matches; either way the line is not ordinary
    if (seen === 0 && t.text.startsWith("@")) {
      seen++;
      continue;
    }
    return DEFINITION_START.test(t.text);
  }
  return false;
}

/**
 * Does this line end in `\` for keepalived? Newer releases look at the text
 * after comment removal, 2.2.7 also at a `\` behind a comment: either counts,
 * since guessing "continues" only keeps more lines untouched.
 */
function endsInBackslash(line: { text: string; tokens: CstToken[] }): boolean {
  if (/\\[ \t\f\v\r]*$/.test(line.text.split("\0")[0])) return true;
  const code = codeTokens(line.tokens);
  const last = code[code.length - 1];
  return last !== undefined && last.text.endsWith("\\");
}

/**
 * Keywords whose handler re-reads the raw line with its own shell-like
 * tokenizer (notify*, script, misc_path, …), which splits only at spaces and
 * tabs: on such a line a \f, \v or lone \r between words is part of a word,
 * so the line is only re-indented. Taken from the schema's `quoted` flag.
 */
const SCRIPT_KEYWORDS = new Set(QUOTED_NAMES);

/** Words that make keepalived treat the line before its brace split (so the line must stay as written). */
function needsReindentOnly(tokens: CstToken[]): boolean {
  let statementStart = true;
  let script = false;
  for (const t of tokens) {
    if (t.type === "Blank") {
      if (script && /[\f\v\r]/.test(t.text)) return true;
      continue;
    }
    if (t.type === "Comment") break;
    if (t.type === "OpenQuote" || t.type === "Nul") return true;
    if (t.type === "LBrace" || t.type === "RBrace") {
      statementStart = true;
      continue;
    }
    if (t.text.includes("$")) return true;
    // decomment() glues a line-final `\` to the word before it: moving line ends around it changes words
    if (t.text.endsWith("\\")) return true;
    if (t.type === "Word" && (t.text.startsWith("@") || t.text.startsWith("~"))) return true;
    if (statementStart && t.type === "Word" && INCLUDE_WORD.test(t.text)) return true;
    if (statementStart && t.type === "Word" && SCRIPT_KEYWORDS.has(t.text)) script = true;
    statementStart = false;
  }
  return false;
}

/** Can `s` plus a line break be read whole by keepalived? (A UTF-16 unit is at most 3 UTF-8 bytes, so short lines need no count.) */
export function fitsLine(s: string, eolLength: number): boolean {
  const eol = Math.max(1, eolLength);
  if (s.length * 3 + eol <= MAX_LINE_BYTES) return true;
  return Buffer.byteLength(s, "utf8") + eol <= MAX_LINE_BYTES;
}

/**
 * The classified physical line `text[start, textEnd)` followed by the line
 * break `text[textEnd, end)`. Its tokens are those of the lossless tree
 * (grammar/lexer.ts, which grammar/cst.ts nests by braces; scan.ts is its fast
 * twin): no token spans a line break, so a line can be scanned on its own. The
 * formatter needs the lines, not the brace nesting (a `${NAME}` brace is not a
 * block for it).
 */
export function readLine(text: string, start: number, textEnd: number, end: number): PhysLine {
  if (end > textEnd) {
    return classify({ tokens: scanTokens(text, start, textEnd), eol: text.slice(textEnd, end), start, end, text: text.slice(start, textEnd) });
  }
  // the last line, without a line break
  const tokens = scanTokens(text, start, end);
  const last = tokens[tokens.length - 1];
  // keepalived strips a `\r` ending the last line like the one of a CRLF break: treat it as the break
  if (last && last.text.endsWith("\r")) {
    tokens[tokens.length - 1] = { ...last, text: last.text.slice(0, -1) };
    if (tokens[tokens.length - 1].text === "") tokens.pop();
    return classify({ tokens, eol: "\r", start, end, text: text.slice(start, end - 1) });
  }
  return classify({ tokens, eol: "", start, end, text: text.slice(start, end) });
}

function classify(l: Pick<PhysLine, "tokens" | "eol" | "start" | "end" | "text">): PhysLine {
  const line: PhysLine = {
    tokens: l.tokens, eol: l.eol, start: l.start, end: l.end, text: l.text,
    kind: "code", definition: false, continues: false, endsDefinition: false, braceDelta: 0, leadingCloses: 0,
  };
  let content = 0;
  let comments = 0;
  let nul = false;
  let delta = 0;
  let leadingCloses = 0;
  let sawOther = false;
  let inCode = true;
  for (const t of l.tokens) {
    const type = t.type;
    if (type === "Blank") continue;
    content++;
    if (type === "Comment") comments++;
    if (type === "Nul") nul = true;
    // keepalived's reader stops at a comment or a NUL
    if (type === "Comment" || type === "Nul") inCode = false;
    if (!inCode) continue;
    if (type === "LBrace") delta++;
    else if (type === "RBrace") delta--;
    if (type === "RBrace" && !sawOther) leadingCloses++;
    else sawOther = true;
  }
  if (content === 0) {
    line.kind = "blank";
    return line;
  }
  if (content === 1 && comments === 1) line.kind = "comment";
  line.braceDelta = delta;
  line.leadingCloses = leadingCloses;
  const first = l.tokens[0];
  // decomment() strips only spaces and tabs in front of a line: other blanks there are content
  if (first.type === "Blank" && /[^ \t]/.test(first.text)) line.kind = "verbatim";
  // keepalived versions differ on what a NUL does to its line: leave such lines alone
  else if (nul) line.kind = "verbatim";
  // keepalived cuts longer lines in two: changing their length moves the cut
  else if (!fitsLine(l.text, l.eol.length)) line.kind = "verbatim";
  else if (line.kind === "code" && needsReindentOnly(l.tokens)) line.kind = "reindent";
  return line;
}

/** Marks `$NAME=` lines and the lines keepalived appends to multiline definitions, line by line. */
export class DefinitionTracker {
  /** Inside a multiline definition: the next line belongs to it (unless blank). */
  inDefinition = false;

  mark(line: PhysLine): void {
    if (this.inDefinition) {
      if (line.kind === "blank") {
        line.endsDefinition = true;
        this.inDefinition = false;
        return;
      }
      line.definition = true;
      line.braceDelta = 0;
      line.leadingCloses = 0;
      // keepalived skips lines with nothing but blanks, comments and NULs inside a multiline
      // definition (a form feed before the comment makes the line verbatim, not a comment line)
      if (line.kind === "comment" || isSkippedInDefinition(line.tokens)) return;
      line.kind = "verbatim";
      this.inDefinition = endsInBackslash(line);
      line.continues = this.inDefinition;
      return;
    }
    if (line.kind === "code" || line.kind === "reindent" || line.kind === "verbatim") {
      if (isDefinitionStart(line.tokens)) {
        line.definition = true;
        line.braceDelta = 0;
        line.leadingCloses = 0;
        if (line.kind === "code") line.kind = "reindent";
        this.inDefinition = endsInBackslash(line);
        line.continues = this.inDefinition;
      }
    }
  }
}
