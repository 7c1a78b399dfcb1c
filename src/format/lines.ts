/**
 * Physical lines of a file, cut from the lossless tree, and what the formatter
 * may do with each one. keepalived reads line by line and handles definitions,
 * `@id` prefixes, `~SEQ`, includes and `$NAME` expansion before it splits
 * braces, so any line touched by those steps is only re-indented: moving a
 * word or a brace across it could change what keepalived reads.
 */
import { buildCst, type CstElement, type CstToken } from "../../grammar/cst.js";

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

function flatten(elements: CstElement[], out: CstToken[]): void {
  for (const el of elements) {
    if (el.type === "Block") {
      out.push(el.open);
      flatten(el.children, out);
      if (el.close) out.push(el.close);
    } else {
      out.push(el);
    }
  }
}

export function tokensOf(text: string): CstToken[] {
  const tokens: CstToken[] = [];
  flatten(buildCst(text).children, tokens);
  return tokens;
}

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

function isDefinitionStart(code: CstToken[]): boolean {
  let i = 0;
  // `@id $NAME=…` is a definition when the id matches; either way the line is not ordinary
  if (code[i]?.type === "Word" && code[i].text.startsWith("@")) i++;
  const w = code[i];
  return w !== undefined && w.type === "Word" && DEFINITION_START.test(w.text);
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

/** Words that make keepalived treat the line before its brace split (so the line must stay as written). */
function needsReindentOnly(code: CstToken[]): boolean {
  let statementStart = true;
  for (const t of code) {
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
    statementStart = false;
  }
  return false;
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

/** Cuts `text` into classified physical lines. */
export function splitLines(text: string): PhysLine[] {
  const lines: PhysLine[] = [];
  let tokens: CstToken[] = [];
  let start = 0;
  const push = (eol: string, end: number) => {
    const contentEnd = end - eol.length;
    lines.push(classify({ tokens, eol, start, end, text: text.slice(start, contentEnd) }));
    tokens = [];
    start = end;
  };
  for (const t of tokensOf(text)) {
    if (t.type === "Newline") push(t.text, t.start + t.text.length);
    else tokens.push(t);
  }
  if (start < text.length || tokens.length > 0) {
    // keepalived strips a `\r` ending the last line like the one of a CRLF break: treat it as the break
    const last = tokens[tokens.length - 1];
    if (last && last.text.endsWith("\r")) {
      tokens[tokens.length - 1] = { ...last, text: last.text.slice(0, -1) };
      if (tokens[tokens.length - 1].text === "") tokens.pop();
      push("\r", text.length);
    } else {
      push("", text.length);
    }
  }
  markDefinitions(lines);
  return lines;
}

function classify(l: Pick<PhysLine, "tokens" | "eol" | "start" | "end" | "text">): PhysLine {
  const line: PhysLine = { ...l, kind: "code", definition: false, continues: false, endsDefinition: false, braceDelta: 0, leadingCloses: 0 };
  const content = l.tokens.filter((t) => t.type !== "Blank");
  if (content.length === 0) {
    line.kind = "blank";
  } else if (content.length === 1 && content[0].type === "Comment") {
    line.kind = "comment";
  }
  const leading = /^[ \t\f\v\r]*/.exec(l.text)![0];
  const code = codeTokens(l.tokens);
  let delta = 0;
  let leadingCloses = 0;
  let sawOther = false;
  for (const t of code) {
    if (t.type === "LBrace") delta++;
    else if (t.type === "RBrace") delta--;
    if (t.type === "RBrace" && !sawOther) leadingCloses++;
    else sawOther = true;
  }
  line.braceDelta = delta;
  line.leadingCloses = leadingCloses;
  if (line.kind === "blank") return line;
  // decomment() strips only spaces and tabs in front of a line: other blanks there are content
  if (/[^ \t]/.test(leading)) line.kind = "verbatim";
  // keepalived versions differ on what a NUL does to its line: leave such lines alone
  else if (l.tokens.some((t) => t.type === "Nul")) line.kind = "verbatim";
  // keepalived cuts longer lines in two: changing their length moves the cut
  else if (byteLength(l.text) + Math.max(1, l.eol.length) > MAX_LINE_BYTES) line.kind = "verbatim";
  else if (line.kind === "code" && needsReindentOnly(code)) line.kind = "reindent";
  return line;
}

/** Marks `$NAME=` lines and the lines keepalived appends to multiline definitions. */
function markDefinitions(lines: PhysLine[]): void {
  let inDefinition = false;
  for (const line of lines) {
    if (inDefinition) {
      if (line.kind === "blank") {
        line.endsDefinition = true;
        inDefinition = false;
        continue;
      }
      line.definition = true;
      line.braceDelta = 0;
      line.leadingCloses = 0;
      // keepalived skips comment-only lines inside a multiline definition
      if (line.kind === "comment") continue;
      line.kind = "verbatim";
      inDefinition = endsInBackslash(line);
      line.continues = inDefinition;
      continue;
    }
    if (line.kind === "code" || line.kind === "reindent" || line.kind === "verbatim") {
      if (isDefinitionStart(codeTokens(line.tokens))) {
        line.definition = true;
        line.braceDelta = 0;
        line.leadingCloses = 0;
        if (line.kind === "code") line.kind = "reindent";
        inDefinition = endsInBackslash(line);
        line.continues = inDefinition;
      }
    }
  }
}
