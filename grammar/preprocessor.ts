/**
 * Preprocessor: turns files into the stream of logical lines keepalived's
 * read_line() hands to its keyword dispatcher, applying, per logical line and
 * in keepalived's order: `@id` / `@^id` selection, `$NAME=value` definitions
 * (multiline too), `~SEQ` / `~LST` loops, `$NAME` / `${NAME}` substitution,
 * `include`, and the brace split. Every word keeps the span the user wrote and
 * the includes/definitions it came through.
 */
import type { IToken } from "chevrotain";
import type { Definition, DefinitionUse, Diagnostic, IncludeRef, Span, Via, Word } from "./ast.js";
import { budgetsOf, type Budgets } from "./budgets.js";
import type { FileAccess } from "./files.js";
import { glob, hasWildcard, MAX_BRACE_ALTERNATIVES, MAX_BRACE_GROUPS } from "./glob.js";
import { lex, quotedValue, tokenTypes as T, wordValue } from "./lexer.js";
import { charCodes, LINE_END, PlainLineScanner, RunStops, type CharCodes } from "./plain-line.js";
import { dirname, isAbsolute, resolve } from "./paths.js";
import { SourceFile } from "./source.js";
import { Origins } from "./origins.js";
import { detectEngine, ENGINE_NAMES, engineOfContent, substituteVars, templateView, type Rendering, type TemplateChoice, type TemplateView } from "./template/index.js";
import { isBefore, resolveTarget, type TargetVersion } from "./schema/versions.js";

/** keepalived reads lines with fgets(buf, 1024): 1023 characters including the newline. */
export const MAX_LINE = 1023;

export type { TargetVersion } from "./schema/versions.js";

/** keepalived 2.4.0 rewrote read_line(): before it, the reader quirks marked "before 2.4.0" below apply. */
const READER_REWRITE = "2.4.0";

export interface ReaderOptions {
  /** Selects `@id` lines and `$_INSTANCE` (keepalived: -i, default short host name). Unset drops every `@id` line. */
  configId?: string;
  /** keepalived release whose reader quirks apply (default: the newest release). */
  targetVersion?: TargetVersion;
  /** Values for `${_ENV NAME}` (keepalived 2.4.0 and newer). */
  env?: Record<string, string>;
  /** Stop reading after this many files (glob bombs); overrides budgets.files. */
  maxFiles?: number;
  /** Read files as templates of this engine; "auto" (default): by name and content; "off": never. */
  template?: TemplateChoice;
  /** Values of template variables (`--template-vars`): simple expression tags are replaced by them (see template/vars.ts). */
  templateVars?: Record<string, unknown>;
  /** Work budgets (grammar/budgets.ts); unset ones take their defaults. */
  budgets?: Partial<Budgets>;
  /**
   * Where an absolute include pattern is looked for (repository mode: a
   * host's /etc/keepalived/… in a checkout's copy, workspace/roots.ts). Files
   * it matches are read and named by that path, so the whole parse names the
   * checkout's files; messages quote the pattern as written.
   */
  includePath?: (absolutePattern: string) => string;
}

/** A logical line as keepalived's dispatcher sees it. */
export type LogicalLine =
  | { kind: "words"; words: Word[]; rest: string; file: string; via?: Via[] }
  | { kind: "brace"; brace: "{" | "}"; span: Word; via?: Via[] };

/** Where logical lines go (the parser). */
export interface LineSink {
  /** A logical line of Word objects (the general path). */
  line(l: LogicalLine): void;
  /** Registers a file's text; plain lines name their file by the id returned. */
  file(path: string, text: string): number;
  /**
   * Plain lines of file `file` (`codes`: its char codes), as the scanner's
   * items (plain-line.ts): `count` pairs, a word as (start, end), a brace as
   * (offset, OPEN_BRACE | CLOSE_BRACE), the end of a physical line as
   * (offset, LINE_END). Words between braces and line ends form one logical
   * line each.
   */
  plainLines(file: number, codes: CharCodes, items: Int32Array, count: number, via: Via[] | undefined): void;
}

/** A stretch of synthetic text (from a definition or builtin): where its reference is written. */
interface Synth {
  start: number;
  end: number;
  via: Via[];
}

/**
 * Text of one logical line plus where each character came from. `orig`
 * undefined means char i is at file offset base + i; otherwise orig.get(i) >= 0
 * is a file offset and orig.get(i) < 0 names synth[-orig.get(i) - 1].
 */
interface LineText {
  file: SourceFile;
  text: string;
  base: number;
  orig?: Origins;
  synth: Synth[];
  /** Via of the whole line (include chain, multiline definition, loop). */
  via?: Via[];
  tokens?: IToken[];
  /** 2.2.7: the physical line's comment ends in a backslash (a multiline definition goes on). */
  commentContinues?: boolean;
}

interface FileFrame {
  file: SourceFile;
  /** Where the characters budget (totalChars) ends in this file: reading stops at the first line past it. */
  readLimit: number;
  /** The file's char codes, what the scanner reads. */
  codes: CharCodes;
  via?: Via[];
}

/** A file's text, and its bytes when FileAccess has them and they are ASCII (see ReadResult). */
interface Content {
  text: string;
  bytes?: Uint8Array;
}

/** A line starting with this is a loop for keepalived (read_line() compares the first 4 characters). */
const LOOP_START = /^~(SEQ|LST)/;
/** A `$NAME=value` definition line (the name captured). */
const DEFINE_START = /^\$([A-Za-z_][A-Za-z0-9_]*)=/;
/** Items of a run of plain lines handed to the parser at once: enough to make the calls rare, few enough to stay in cache. */
const RUN_ITEMS = 4096;
export const INCLUDE_KEYWORDS: ReadonlySet<string> = new Set(["include", "includer", "includem", "includew", "includeb", "includea"]);
const BUILTINS = new Set(["_PWD", "_INSTANCE", "_RANDOM", "_ENV", "_HASH", "_BANG"]);

interface DefEntry {
  def: Definition;
  /** Lines of the value (one for single-line definitions). */
  lines: string[];
}

export interface PreprocessResult {
  files: Map<string, SourceFile>;
  definitions: Definition[];
  definitionUses: DefinitionUse[];
  includes: IncludeRef[];
  diagnostics: Diagnostic[];
  roots: string[];
  /** Files read as templates, by path (their SourceFile holds the template's own text). */
  templates: Map<string, TemplateView>;
  /**
   * Templates read with variables replaced, by path: their SourceFile holds
   * the rendering until the engine maps findings back (engine/templates.ts).
   */
  renderings: Map<string, TemplateRendering>;
}

export interface TemplateRendering extends Rendering {
  /** The template's own text. */
  original: string;
}

export class Preprocessor {
  readonly files = new Map<string, SourceFile>();
  readonly definitions: Definition[] = [];
  readonly definitionUses: DefinitionUse[] = [];
  readonly includes: IncludeRef[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly roots: string[] = [];
  readonly templates = new Map<string, TemplateView>();
  readonly renderings = new Map<string, TemplateRendering>();
  private defs = new Map<string, DefEntry>();
  private stack: string[] = [];
  private filesRead = 0;
  private includesSeen = 0;
  private includePathsSeen = 0;
  private includePathsReported = false;
  private readonly budgets: Budgets;
  /**
   * The line of a file whose expansions are being read (multiline
   * definitions, loops): what a budget finding points at, and how many
   * logical lines it has produced. `stopped` ends its expansion.
   */
  private construct: { span: Span; lines: number; depth: number; stopped: boolean } | undefined;
  private totalExpanded = 0;
  /** Words and braces expansions have produced: what their lines cost, however long. */
  private expandedWords = 0;
  private charsRead = 0;
  /** Lines read so far (files and expansions; blank and comment lines, which make no node, are not counted): the `lines` budget. */
  private linesRead = 0;
  /** Set when a run-wide budget (lines, totalChars) is spent: nothing more is read. */
  private readingStopped = false;
  private readonly scanner = new PlainLineScanner();
  /** The target reads lines as keepalived before 2.4.0 did (2.2.7 is the one checked). */
  private readonly legacy: boolean;
  /**
   * The lines a run of plain lines leaves to the lexer: a statement that
   * starts with `@id`, `~SEQ` or an include keyword (also after a brace:
   * read_line() runs its whole pipeline again on the rest of a line, see
   * emit), a line too long (reported), and for 2.2.7 a comment with a
   * backslash (see commentContinues). A `$` never reaches a run.
   */
  private readonly runStops: RunStops;

  constructor(
    private readonly fs: FileAccess,
    private readonly sink: LineSink,
    private readonly options: ReaderOptions = {},
  ) {
    this.legacy = isBefore(resolveTarget(options.targetVersion), READER_REWRITE);
    this.budgets = budgetsOf({ ...options.budgets, ...(options.maxFiles !== undefined ? { files: options.maxFiles } : {}) });
    this.runStops = new RunStops("@~", [...INCLUDE_KEYWORDS], MAX_LINE, this.legacy);
  }

  /** Reads a main file (as keepalived -f does). Returns false when it could not be read. */
  readMain(path: string, textOverride?: string): boolean {
    const content = textOverride !== undefined ? { text: textOverride } : this.load(path, undefined);
    if (content === undefined) return false;
    this.roots.push(path);
    this.readText(path, content, undefined);
    return true;
  }

  result(): PreprocessResult {
    return {
      files: this.files,
      definitions: this.definitions,
      definitionUses: this.definitionUses,
      includes: this.includes,
      diagnostics: this.diagnostics,
      roots: this.roots,
      templates: this.templates,
      renderings: this.renderings,
    };
  }

  private report(ruleId: string, severity: Diagnostic["severity"], span: Span, message: string, hint?: string, via?: Via[]) {
    this.diagnostics.push({ ruleId, severity, file: span.file, start: span.start, end: span.end, message, hint, via });
  }

  /** Reads a file through FileAccess; reports at `from` (the include line) when it fails. */
  private load(path: string, from: Span | undefined): Content | undefined {
    const r = this.fs.readFile(path);
    if (r.ok) return r;
    const span = from ?? { file: path, start: 0, end: 0 };
    const what =
      r.reason === "directory" ? `"${path}" is a directory - skipping` :
      r.reason === "not-regular" ? `"${path}" is not a regular file - skipping` :
      r.reason === "too-large" ? `"${path}" is too large to be a keepalived configuration - skipping` :
      r.reason === "not-found" ? `"${path}" does not exist` : `"${path}" cannot be read: ${r.message}`;
    this.report("include-error", "error", span, what, from ? "check the include pattern" : undefined);
    return undefined;
  }

  private readText(path: string, { text, bytes }: Content, via: Via[] | undefined) {
    this.filesRead++;
    // An include over the budget is not read at all (include()); a main file is read up to it.
    const readLimit = Math.max(0, this.budgets.totalChars - this.charsRead);
    this.charsRead += text.length;
    const binary = bytes !== undefined && bytes.length === text.length ? binaryAtBytes(bytes) : binaryAt(text);
    if (binary >= 0) {
      // Not keepalived text (a binary, an environment dump, UTF-16): nothing of it is read, and nothing
      // of it is kept to be quoted in a code frame, beyond the offending character, escaped.
      this.files.set(path, new SourceFile(path, ""));
      const from = via?.[via.length - 1]?.span ?? { file: path, start: 0, end: 0 };
      this.report("include-error", "error", from,
        `"${path}" is not a keepalived configuration: it holds control characters ("${escapeControl(text[binary])}" at offset ${binary}) - skipping`,
        "keepalived configurations are text; check the path or the include pattern", via?.slice(0, -1));
      return;
    }
    const rendering = this.renderingOf(path, text);
    if (rendering) text = rendering.text;
    const view = this.templateOf(path, text);
    const file = new SourceFile(path, view ? view.text : text);
    this.files.set(path, file);
    this.stack.push(path);
    // ASCII bytes are the text's char codes as they are; a FileAccess that got them wrong is not trusted.
    const codes = !view && bytes !== undefined && bytes.length === text.length ? bytes : charCodes(file.text);
    try {
      this.readLines({ file, codes, via, readLimit });
    } finally {
      this.stack.pop();
      // Findings, snippets and fixes see the template's own text (the view's length; its lines are the rendering's).
      if (view) this.files.set(path, new SourceFile(path, text));
    }
  }

  /** With --template-vars: the template with its simple variables replaced (findings are mapped back later). */
  private renderingOf(path: string, text: string): TemplateRendering | undefined {
    const vars = this.options.templateVars;
    if (!vars) return undefined;
    const engine = detectEngine(path, text, this.options.template ?? "auto");
    if (!engine) return undefined;
    const r = { ...substituteVars(text, engine, vars), original: text };
    this.renderings.set(path, r);
    return r;
  }

  /** The view to read when `path` is a template (see grammar/template/view.ts); reports how it was recognised. */
  private templateOf(path: string, text: string): TemplateView | undefined {
    const choice = this.options.template ?? "auto";
    const engine = detectEngine(path, text, choice);
    if (!engine) return undefined;
    const view = templateView(text, engine);
    this.templates.set(path, view);
    const first = view.tags[0];
    if (choice === "auto" && first && /\.conf$/.test(path) && engineOfContent(text) === engine) {
      this.report("template", "info", { file: path, start: first.start, end: first.end },
        `"${path.slice(path.lastIndexOf("/") + 1)}" holds ${ENGINE_NAMES[engine]} tags: read as a template (its literal text is checked, every tag stands for any value)`,
        "name the file after its engine (e.g. keepalived.conf.j2), or pass --template off to read it as keepalived would");
    }
    for (const p of view.problems) this.report("template", "warning", { file: path, start: p.start, end: p.end }, p.message);
    return view;
  }

  /**
   * Splits a file into physical lines and processes each: runs of plain
   * lines straight from the scanner (plain-line.ts) to the parser, the others
   * through the chevrotain lexer.
   */
  private readLines(frame: FileFrame) {
    const { file } = frame;
    const text = file.text;
    // Over the characters budget, the file is read up to the start of the line the budget ends in.
    const end = frame.readLimit < text.length ? text.lastIndexOf("\n", frame.readLimit - 1) + 1 : text.length;
    const codes = end < text.length ? frame.codes.subarray(0, end) : frame.codes;
    const fileId = this.sink.file(file.path, text);
    let multi: { entry: DefEntry; lastSpan: Span } | undefined;
    const scanner = this.scanner;
    let lineStart = 0;
    while (lineStart < end) {
      if (this.readingStopped) break;
      if (this.linesRead >= this.budgets.lines) {
        const line = file.position(lineStart).line;
        this.stopReading({ file: file.path, start: lineStart, end: lineStart + 1 }, `the configuration has more than ${this.budgets.lines} lines in all (files and expansions together); the linter stops reading at line ${line}`, "lines");
        break;
      }
      if (!multi) {
        // Most lines: a run of plain lines, straight to the parser. A line with words has at least two
        // items (its words and its end), so a run of at most twice the lines left stays within the budget.
        scanner.scanRun(codes, lineStart, this.runStops, Math.min(RUN_ITEMS, Math.max(2, 2 * (this.budgets.lines - this.linesRead))));
        if (scanner.count > 0) {
          this.sink.plainLines(fileId, codes, scanner.items, scanner.count, frame.via);
          this.linesRead += linesIn(scanner.items, scanner.count);
        }
        lineStart = scanner.runEnd;
        if (!scanner.stopped) continue; // the end of the text, or the run's items are full
      }
      // A line the run left (see runStops), or one of a multiline definition: the lexer reads it.
      scanner.scan(codes, lineStart);
      // An include line reads other files with the same scanner: keep this line's bounds.
      const lineEnd = scanner.lineEnd;
      const next = scanner.next;
      if (lineEnd - lineStart >= MAX_LINE) this.lineTooLong(file, lineStart, lineEnd);
      let readEnd = lineEnd;
      if (lineEnd - lineStart > this.budgets.lineLength) {
        readEnd = lineStart + this.budgets.lineLength;
        this.overBudget({ file: file.path, start: readEnd, end: readEnd + 1 },
          `line ${file.position(lineStart).line} is ${lineEnd - lineStart} characters long; the linter reads the first ${this.budgets.lineLength} and skips the rest`,
          "lineLength");
      }
      const tokens = lex(text.slice(lineStart, readEnd)).tokens;
      for (const t of tokens) t.startOffset += lineStart;
      multi = this.physicalLine(frame, tokens, lineStart, lineEnd, multi);
      this.linesRead++;
      lineStart = next;
    }
    if (multi) this.finishMultiline(multi.entry);
    if (this.readingStopped) return;
    if (end < text.length) {
      this.stopReading({ file: file.path, start: end, end: end + 1 }, `the configuration has more than ${this.budgets.totalChars} characters in all; the linter stops reading at line ${file.position(end).line}`, "totalChars");
    }
  }

  /** A run-wide budget is spent: one finding, and nothing more is read (memory stays bounded whatever the input). */
  private stopReading(span: Span, message: string, budget: keyof Budgets) {
    this.readingStopped = true;
    this.overBudget(span, message, budget);
  }

  private lineTooLong(file: SourceFile, start: number, end: number) {
    // keepalived splits the line at 1023 characters (2.2.7 silently, newer with an error).
    this.report(
      "line-too-long", "error", { file: file.path, start: start + MAX_LINE - 1, end },
      `line is ${end - start} characters long; keepalived reads at most ${MAX_LINE - 1} and treats the rest as a new line`,
      "split the line or shorten it",
    );
  }

  /** One physical line; returns the multiline-definition state for the next line. */
  private physicalLine(
    frame: FileFrame,
    tokens: IToken[],
    start: number,
    end: number,
    multi: { entry: DefEntry; lastSpan: Span } | undefined,
  ): { entry: DefEntry; lastSpan: Span } | undefined {
    const file = frame.file;
    let nulAt = -1;
    for (const t of tokens) {
      if (t.tokenType === T().Nul) nulAt = t.startOffset;
      if (t.tokenType === T().OpenQuote) {
        this.report("unmatched-quote", "error", { file: file.path, start: t.startOffset, end: t.startOffset + t.image.length },
          "unmatched '\"': the quoted text runs to the end of the line", 'close the quote with \'"\'', frame.via);
      }
    }
    if (nulAt >= 0) {
      this.report("nul-byte", "error", { file: file.path, start: nulAt, end: nulAt + 1 },
        "NUL byte in the line: keepalived ignores the rest of it", "remove the NUL byte");
    }
    const sig = tokens.filter((t) => t.tokenType !== T().Blank && t.tokenType !== T().Comment && t.tokenType !== T().Nul);
    if (multi) {
      // Continuation of a multiline definition: an empty physical line ends it, and so does a comment-only
      // line, unless keepalived before 2.4.0 reads its final backslash as a continuation (commentContinues).
      // Checked with 2.2.8, 2.3.4 and 2.4.3: "$D= \" / "x \" / "# c" / "y" ends D at the comment.
      if (sig.length === 0) {
        if (tokens.length === 0 || tokens.every((t) => t.tokenType === T().Blank) || !this.commentContinues(tokens)) {
          this.finishMultiline(multi.entry);
          return undefined;
        }
        return multi;
      }
      const text = this.decommented(file, tokens, start);
      const cont = text.endsWith("\\") || this.commentContinues(tokens);
      multi.entry.lines.push(cont ? text.slice(0, -1).replace(/[ \t]+$/, "") : text);
      multi.entry.def.span.end = sig[sig.length - 1].startOffset + sig[sig.length - 1].image.length;
      if (cont) return multi;
      this.finishMultiline(multi.entry);
      return undefined;
    }
    if (sig.length === 0) {
      // 2.2.7's decomment() keeps a final backslash after cutting the comment off: outside a multiline
      // definition a comment line ending in `\` reads as the line `\` (keepalived: Unknown keyword '\').
      const c = this.commentContinues(tokens) ? tokens.find((t) => t.tokenType === T().Comment) : undefined;
      if (c) {
        const at = c.startOffset + c.image.lastIndexOf("\\");
        const word: Word = { file: file.path, start: at, end: at + 1, text: "\\", quoted: false };
        this.sink.line({ kind: "words", words: [frame.via ? { ...word, via: frame.via } : word], rest: "", file: file.path, via: frame.via });
      }
      return undefined;
    }
    const first = sig[0].startOffset;
    const last = sig[sig.length - 1];
    const lineEnd = last.startOffset + last.image.length;
    const lineTokens: IToken[] = [];
    for (const t of tokens) {
      if (t.startOffset < first || t.startOffset >= lineEnd || t.tokenType === T().Nul) continue;
      // Token offsets become relative to the line text, as for re-lexed lines.
      t.startOffset -= first;
      lineTokens.push(t);
    }
    const line: LineText = {
      file, text: file.text.slice(first, lineEnd), base: first, synth: [], via: frame.via, tokens: lineTokens,
      commentContinues: this.commentContinues(tokens),
    };
    // This line is what a budget finding names when its expansions grow too large.
    const outer = this.construct;
    this.construct = { span: { file: file.path, start: first, end: lineEnd }, lines: 0, depth: 0, stopped: false };
    try {
      return this.logicalLine(line, frame);
    } finally {
      this.construct = outer;
    }
  }

  /**
   * keepalived before 2.4.0 (2.2.7 checked) keeps scanning after a comment starts, so a backslash at
   * the very end of a commented line still continues a multiline definition
   * (fixed in 2.4.0, where the comment ends the line).
   */
  private commentContinues(tokens: IToken[]): boolean {
    if (!this.legacy) return false;
    const c = tokens.find((t) => t.tokenType === T().Comment);
    return c !== undefined && /\\[ \t\r]*$/.test(c.image);
  }

  /** The physical line's text with comments removed and blanks trimmed (decomment()). */
  private decommented(file: SourceFile, tokens: IToken[], start: number): string {
    let end = start;
    let begin = -1;
    for (const t of tokens) {
      if (t.tokenType === T().Comment || t.tokenType === T().Nul) break;
      if (t.tokenType === T().Blank) continue;
      if (begin < 0) begin = t.startOffset;
      end = t.startOffset + t.image.length;
    }
    return begin < 0 ? "" : file.text.slice(begin, end);
  }

  private finishMultiline(entry: DefEntry) {
    entry.def.value = entry.lines.join("\n");
  }

  /**
   * One logical line through keepalived's pipeline. Returns a multiline
   * definition state when the line starts one.
   */
  private logicalLine(line: LineText, frame: FileFrame, depth = 0): { entry: DefEntry; lastSpan: Span } | undefined {
    let cur = line;
    let tokens = this.tokensOf(cur);
    let firstWord = tokens.find((t) => t.tokenType !== T().Blank && t.tokenType !== T().Comment);
    if (!firstWord) return undefined;

    // 1. @id / @^id: keep the rest of the line only for the matching config id.
    if (firstWord.tokenType === T().Word && firstWord.image.startsWith("@")) {
      const idx = tokens.indexOf(firstWord);
      const next = tokens[idx + 1];
      const negate = firstWord.image.startsWith("@^");
      const id = firstWord.image.slice(negate ? 2 : 1);
      const configId = this.options.configId;
      const matches = configId !== undefined && id !== "" && id === configId;
      const keep = next !== undefined && next.tokenType === T().Blank && (negate ? !matches : matches);
      if (!keep) return undefined;
      const restStart = next.startOffset + next.image.length;
      cur = sliceLine(cur, restStart, cur.text.length);
      tokens = this.tokensOf(cur);
      firstWord = tokens.find((t) => t.tokenType !== T().Blank && t.tokenType !== T().Comment);
      if (!firstWord) return undefined;
    }

    // 2. $NAME=value defines (only at the start of the line, no blank before '=').
    if (firstWord.tokenType === T().Word && firstWord.image.startsWith("$")) {
      const m = DEFINE_START.exec(firstWord.image);
      if (m) return this.define(cur, tokens, firstWord, m[1]);
    }

    // 3. ~SEQ / ~LST loops: keepalived takes any line starting with "~SEQ" or "~LST" as one (blanks may
    // come before its '('), and reports it when the rest does not parse.
    if (firstWord.tokenType === T().Word && LOOP_START.test(firstWord.image)) {
      this.loop(cur, firstWord, frame);
      return undefined;
    }

    // 4. $NAME / ${NAME} substitution; a multiline definition at the end adds lines.
    let extraLines: LineText[] = [];
    let substituted = false;
    if (cur.text.includes("$") && !firstWord.image.startsWith("~")) {
      const sub = this.substitute(cur, tokens);
      if (sub) {
        substituted = true;
        cur = sub.line;
        extraLines = sub.extra;
        tokens = this.tokensOf(cur);
        firstWord = tokens.find((t) => t.tokenType !== T().Blank && t.tokenType !== T().Comment);
      }
    }

    // keepalived before 2.4.0 (2.2.7 checked) checks the substituted line again for `@id`, `$NAME=` and `~SEQ`/`~LST`
    // (read_line()'s recheck loop): a definition whose value is a `~SEQ` line starts a nested loop.
    if (this.legacy && substituted && depth < 8 && extraLines.length === 0 && firstWord && firstWord.tokenType === T().Word
      && (firstWord.image.startsWith("@") || DEFINE_START.test(firstWord.image) || LOOP_START.test(firstWord.image))) {
      return this.logicalLine({ ...cur, tokens: undefined }, frame, depth + 1);
    }
    if (firstWord) {
      // 5. include: the rest of the line is one glob pattern, quotes and all.
      if (firstWord.tokenType === T().Word && INCLUDE_KEYWORDS.has(firstWord.image)) {
        const idx = tokens.indexOf(firstWord);
        const next = tokens[idx + 1];
        if (next && next.tokenType === T().Blank && tokens.slice(idx + 2).some((t) => t.tokenType !== T().Comment)) {
          this.include(cur, tokens, firstWord, frame);
          for (const extra of extraLines) if (!this.expandedLine(extra, frame)) break;
          return undefined;
        }
      }
      // 6. brace split and hand-off.
      this.emit(cur, tokens, frame, depth);
    }
    for (const extra of extraLines) if (!this.expandedLine(extra, frame)) break;
    return undefined;
  }

  /**
   * A logical line an expansion produced (a further line of a multiline
   * definition, a loop's body): counted against the budgets of the line it
   * came from. Returns false once that line's expansion is stopped.
   */
  private expandedLine(line: LineText, frame: FileFrame): boolean {
    const c = this.construct;
    if (!c) {
      this.logicalLine(line, frame);
      return true;
    }
    if (c.stopped) return false;
    const at = this.files.get(c.span.file);
    const where = at ? `line ${at.position(c.span.start).line}` : "this line";
    if (++c.lines > this.budgets.expandedLines) {
      return this.stopConstruct(c, `${where} expands to more than ${this.budgets.expandedLines} lines through multiline definitions and loops; the linter stops expanding it`, "expandedLines");
    }
    if (++this.linesRead > this.budgets.lines) {
      this.readingStopped = true;
      return this.stopConstruct(c, `the configuration has more than ${this.budgets.lines} lines in all (files and expansions together); the linter stops reading at ${where}`, "lines");
    }
    if (this.expandedWords > this.budgets.expandedWords) {
      return this.stopConstruct(c, `the configuration's definitions and loops produce more than ${this.budgets.expandedWords} words in all; the linter stops expanding at ${where}`, "expandedWords");
    }
    if (++this.totalExpanded > this.budgets.totalExpandedLines) {
      return this.stopConstruct(c, `the configuration's definitions and loops expand to more than ${this.budgets.totalExpandedLines} lines in all; the linter stops expanding at ${where}`, "totalExpandedLines");
    }
    if (c.depth >= this.budgets.expansionDepth) {
      return this.stopConstruct(c, `${where} nests multiline definitions and loops more than ${this.budgets.expansionDepth} deep; the linter stops expanding it`, "expansionDepth");
    }
    c.depth++;
    try {
      this.logicalLine(line, frame);
    } finally {
      c.depth--;
    }
    return !c.stopped;
  }

  private stopConstruct(c: NonNullable<Preprocessor["construct"]>, message: string, budget: keyof Budgets): false {
    c.stopped = true;
    this.overBudget(c.span, message, budget);
    return false;
  }

  /** A budget finding (rule limit-exceeded): what was stopped and which budget stopped it. */
  private overBudget(span: Span, message: string, budget: keyof Budgets | "braceGroups" | "braceAlternatives") {
    const hint = budget === "expandedLines"
      ? `if the configuration really is this large, raise the budget with --max-expanded-lines (see docs/limits.md)`
      : `see docs/limits.md (budget "${budget}")`;
    this.report("limit-exceeded", "error", span, message, hint);
  }

  private tokensOf(line: LineText): IToken[] {
    if (line.tokens) return line.tokens;
    const toks = lex(line.text).tokens;
    line.tokens = toks;
    return toks;
  }

  /** Maps [a, b) of the line text to where the user wrote it. */
  private mapRange(line: LineText, a: number, b: number): { start: number; end: number; synthetic: boolean; via?: Via[] } {
    if (!line.orig) return { start: line.base + a, end: line.base + b, synthetic: false };
    let start = Infinity;
    let end = -Infinity;
    let synthetic = false;
    let via: Via[] | undefined;
    line.orig.forEachRun(a, b, (o, from, to) => {
      if (o >= 0) {
        start = Math.min(start, o);
        end = Math.max(end, o + (to - from));
      } else {
        const s = line.synth[-o - 1];
        start = Math.min(start, s.start);
        end = Math.max(end, s.end);
        synthetic = true;
        via ??= s.via;
      }
    });
    if (start === Infinity) {
      const o = line.orig.get(a);
      const at = o === undefined ? line.base : o >= 0 ? o : line.synth[-o - 1].start;
      return { start: at, end: at, synthetic: true };
    }
    return { start, end, synthetic, via };
  }

  private wordOf(line: LineText, t: IToken): Word {
    const a = t.startOffset;
    const b = a + t.image.length;
    const m = this.mapRange(line, a, b);
    const quoted = t.tokenType === T().Quoted || t.tokenType === T().OpenQuote;
    const text = t.tokenType === T().Word ? wordValue(t.image) : quoted ? quotedValue(t.image) : t.image;
    const via = m.via ? [...(line.via ?? []), ...m.via] : line.via;
    const w: Word = { file: line.file.path, start: m.start, end: m.end, text, quoted };
    if (m.synthetic) w.synthetic = true;
    if (via) w.via = via;
    return w;
  }

  /** Splits at braces and sends the logical lines to the sink. */
  private emit(line: LineText, tokens: IToken[], frame: FileFrame, depth: number) {
    let words: Word[] = [];
    let restFrom = -1;
    let restTo = -1;
    const flush = () => {
      if (words.length === 0) return;
      // No trim(): the rest runs from a word to a word, and JavaScript's trim() would also cut Unicode
      // spaces (U+00A0, U+FEFF, …) that are word characters for keepalived and for the plain-line path.
      const rest = restFrom >= 0 ? line.text.slice(restFrom, restTo) : "";
      this.sink.line({ kind: "words", words, rest, file: line.file.path, via: line.via });
      if (this.construct) this.expandedWords += words.length;
      words = [];
      restFrom = restTo = -1;
    };
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const tt = t.tokenType;
      if (tt === T().Comment) break;
      if (tt === T().Blank) continue;
      if (tt === T().LBrace || tt === T().RBrace) {
        flush();
        const span = this.wordOf(line, t);
        this.sink.line({ kind: "brace", brace: tt === T().LBrace ? "{" : "}", span, via: line.via });
        if (this.construct) this.expandedWords++;
        // read_line() keeps the text after a brace as the next line (line_residue) and runs the whole
        // pipeline on it: only a residue starting `@id`, `$NAME=`, `~SEQ` or include reads differently.
        let j = i + 1;
        while (j < tokens.length && tokens[j].tokenType === T().Blank) j++;
        const next = tokens[j];
        if (next && depth < 64 && startsLineSpecially(next)) {
          this.logicalLine(sliceLine(line, next.startOffset, line.text.length), frame, depth + 1);
          return;
        }
        continue;
      }
      if (words.length === 1 && restFrom < 0) restFrom = t.startOffset;
      if (tt === T().OpenQuote) {
        // alloc_strvec_r() stops at an unmatched quote (2.2.7 and newer): the quoted text is no word.
        // The raw rest keeps it, for the script keywords that re-read their line.
        if (restFrom >= 0) restTo = t.startOffset + t.image.length;
        break;
      }
      const prev = words[words.length - 1];
      if (t.image === "\\" && prev && !prev.quoted && isLastWord(tokens, t)) {
        // decomment() removes the blanks before a final backslash: `a \` reads as `a\`.
        words[words.length - 1] = { ...prev, text: prev.text + "\\", end: this.wordOf(line, t).end };
        restTo = t.startOffset + 1;
        continue;
      }
      words.push(this.wordOf(line, t));
      restTo = t.startOffset + t.image.length;
    }
    flush();
  }

  // ---- definitions -------------------------------------------------------

  private define(line: LineText, tokens: IToken[], first: IToken, name: string) {
    const eq = first.startOffset + name.length + 2;
    let end = eq;
    for (const t of tokens) {
      if (t.tokenType === T().Comment) break;
      if (t.tokenType !== T().Blank) end = Math.max(end, t.startOffset + t.image.length);
    }
    // The value is stored as decomment() left it: `\#` and `\!` outside quotes are already plain characters.
    let value = unescapeComments(line.text.slice(eq, end).replace(/^[ \t]+/, ""));
    const nameMap = this.mapRange(line, first.startOffset, first.startOffset + name.length + 1);
    const whole = this.mapRange(line, first.startOffset, Math.max(end, eq));
    const multiline = value.endsWith("\\") || line.commentContinues === true;
    if (value.endsWith("\\")) value = value.slice(0, -1).replace(/[ \t]+$/, "");
    const def: Definition = {
      name,
      value,
      multiline,
      builtin: false,
      span: { file: line.file.path, start: whole.start, end: whole.end },
      nameSpan: { file: line.file.path, start: nameMap.start, end: nameMap.end },
    };
    const entry: DefEntry = { def, lines: [value] };
    this.definitions.push(def);
    this.defs.set(name, entry);
    if (multiline) return { entry, lastSpan: def.span };
    return undefined;
  }

  /** Value of a builtin definition, or undefined when the parameters are wrong (reported). */
  private builtin(name: string, params: string[], line: LineText, span: Span): string | undefined {
    switch (name) {
      case "_PWD": {
        const d = dirname(line.file.path);
        return isAbsolute(line.file.path) ? d : resolve(this.fs.cwd(), d);
      }
      case "_INSTANCE":
        return this.options.configId ?? "";
      case "_HASH":
        return "#";
      case "_BANG":
        return "!";
      case "_RANDOM": {
        if (params.some((p) => !/^\d+$/.test(p))) {
          this.report("invalid-definition", "error", span, `definition _RANDOM requires numeric parameters only`);
          return undefined;
        }
        if (params.length > 2) {
          this.report("invalid-definition", "error", span, `definition _RANDOM takes 0 to 2 parameters, ${params.length} given`);
          return undefined;
        }
        // The daemon draws a different number in each of its processes; the linter uses the lower bound.
        return params[0] ?? "0";
      }
      case "_ENV": {
        if (params.length !== 1) {
          this.report("invalid-definition", "error", span, `definition _ENV takes exactly 1 parameter, ${params.length} given`);
          return undefined;
        }
        return this.options.env?.[params[0]] ?? "";
      }
    }
    return undefined;
  }

  /**
   * keepalived's replace_param(): scans for `$`, replaces `${NAME}` anywhere and
   * `$NAME` before a blank, `,`, `)` or the end, and rescans the inserted text.
   */
  private substitute(line: LineText, tokens: IToken[]): { line: LineText; extra: LineText[] } | undefined {
    // Substitution works on the decommented line.
    let cut = line.text.length;
    for (const t of tokens) {
      if (t.tokenType === T().Comment) {
        cut = t.startOffset;
        break;
      }
    }
    let text = line.text.slice(0, cut).replace(/[ \t]+$/, "");
    let orig = line.orig ? line.orig.slice(0, text.length) : Origins.plain(line.base, text.length);
    const synth = [...line.synth];
    let changed = false;
    let extra: LineText[] = [];
    let steps = 0;
    let pos = text.indexOf("$");
    while (pos >= 0 && pos + 1 < text.length) {
      if (++steps > 1_000) break;
      const ref = this.findReference(text, pos + 1);
      if (!ref) {
        pos = text.indexOf("$", pos + 1);
        continue;
      }
      const refEnd = ref.end;
      const refSpanMapped = this.mapRange({ ...line, text, orig, synth }, pos, refEnd);
      const span: Span = { file: line.file.path, start: refSpanMapped.start, end: refSpanMapped.end };
      let valueLines: string[];
      let viaEntry: Via;
      if (BUILTINS.has(ref.name) && !this.defs.has(ref.name)) {
        if (ref.name === "_ENV" && this.legacy) {
          pos = text.indexOf("$", pos + 1);
          continue;
        }
        if (ref.params.length > 0 && ref.name !== "_RANDOM" && ref.name !== "_ENV") {
          pos = text.indexOf("$", pos + 1);
          continue;
        }
        const v = this.builtin(ref.name, ref.params, line, span);
        if (v === undefined) {
          pos = text.indexOf("$", pos + 1);
          continue;
        }
        valueLines = [v];
        viaEntry = { kind: "definition", name: ref.name, span };
        this.definitionUses.push({ name: ref.name, span });
      } else {
        const entry = this.defs.get(ref.name);
        // User definitions take no parameters; a multiline one only at the end of the line.
        if (!entry || ref.params.length > 0 || (entry.def.multiline && refEnd !== text.length)) {
          if (!entry && !ref.braced) {
            // Undefined $NAME is left as written (keepalived does the same).
          }
          if (!entry) this.definitionUses.push({ name: ref.name, span });
          pos = text.indexOf("$", pos + 1);
          continue;
        }
        if (refSpanMapped.via?.some((v) => v.kind === "definition" && v.name === ref.name)) {
          // keepalived rescans inserted text, so a definition that contains itself never stops expanding.
          this.report("invalid-definition", "error", span,
            `definition $${ref.name} expands to text containing $${ref.name}; keepalived would substitute it forever`,
            `give $${ref.name} a value that does not refer to itself`);
          break;
        }
        this.definitionUses.push({ name: ref.name, span, definition: entry.def });
        valueLines = entry.def.multiline ? entry.lines : [entry.def.value];
        viaEntry = { kind: "definition", name: ref.name, span: entry.def.span };
      }
      const outer = refSpanMapped.via ?? [];
      const rec: Synth = { start: span.start, end: span.end, via: [...outer, viaEntry] };
      synth.push(rec);
      const id = -synth.length;
      const value = valueLines[0];
      if (text.length - (refEnd - pos) + value.length >= MAX_LINE) {
        this.report("line-too-long", "warning", span,
          `substituting $${ref.name} makes the line longer than ${MAX_LINE - 1} characters; keepalived abandons the substitution`);
        return changed ? { line: this.fromText(line, text, orig, synth), extra } : undefined;
      }
      text = text.slice(0, pos) + value + text.slice(refEnd);
      orig = orig.replace(pos, refEnd, value.length, id);
      changed = true;
      if (valueLines.length > 1) {
        // The other lines of a multiline definition follow as lines of their own.
        // Each such line maps wholly to the reference: one synthetic record is enough.
        extra = valueLines.slice(1).map((l) => ({
          file: line.file,
          text: l,
          base: span.start,
          orig: Origins.synthetic(-1, l.length),
          synth: [rec],
          via: line.via,
        }));
      }
      // A value starting with '~' ends substitution for the line (keepalived's rule).
      if (/^[ \t]*~/.test(value)) break;
      pos = text.indexOf("$", pos);
    }
    if (!changed) return undefined;
    return { line: this.fromText(line, text, orig, synth), extra };
  }

  private fromText(line: LineText, text: string, orig: Origins, synth: Synth[]): LineText {
    return { file: line.file, text, base: line.base, orig, synth, via: line.via };
  }

  /** Parses a reference after `$` at `at`: `NAME` (with keepalived's end check) or `{NAME params}`. */
  private findReference(text: string, at: number): { name: string; params: string[]; end: number; braced: boolean } | undefined {
    const braced = text[at] === "{";
    const s = braced ? at + 1 : at;
    if (!/[A-Za-z_]/.test(text[s] ?? "")) return undefined;
    let p = s + 1;
    while (p < text.length && /[A-Za-z0-9_]/.test(text[p])) p++;
    const name = text.slice(s, p);
    if (braced) {
      let q = p;
      while (q < text.length && /[ \tA-Za-z0-9_]/.test(text[q])) q++;
      if (text[q] !== "}") return undefined;
      const paramText = text.slice(p, q);
      if (paramText !== "" && !/^[ \t]/.test(paramText)) return undefined;
      if (/[ \t]$/.test(paramText)) return undefined;
      const params = paramText.trim() === "" ? [] : paramText.trim().split(/[ \t]+/);
      return { name, params, end: q + 1, braced };
    }
    const c = text[p];
    if (c !== undefined && c !== " " && c !== "\t" && c !== "," && c !== ")") return undefined;
    return { name, params: [], end: p, braced };
  }

  // ---- ~SEQ / ~LST -------------------------------------------------------------

  private loop(line: LineText, first: IToken, frame: FileFrame) {
    const text = line.text;
    const kind = first.image.startsWith("~SEQx") ? "SEQx" : first.image.startsWith("~SEQ") ? "SEQ" : "LST";
    // add_seq()/add_lst(): blanks may stand between the keyword and its '('.
    let open = first.startOffset + 1 + kind.length;
    while (text[open] === " " || text[open] === "\t") open++;
    const close = text.indexOf(")", open);
    const headerMap = this.mapRange(line, first.startOffset, close < 0 ? text.length : close + 1);
    const header: Span = { file: line.file.path, start: headerMap.start, end: headerMap.end };
    if (text[open] !== "(") {
      this.report("invalid-loop", "error", header, `~${kind} must be followed by '(' and its parameters`);
      return;
    }
    if (close < 0) {
      this.report("invalid-loop", "error", header, `~${kind} is missing its terminating ')'`);
      return;
    }
    let bodyStart = close + 1;
    while (bodyStart < text.length && (text[bodyStart] === " " || text[bodyStart] === "\t")) bodyStart++;
    const inner = this.expandPlain(text.slice(open + 1, close), line);
    const iterations = kind === "LST" ? parseLst(inner) : parseSeq(inner, kind === "SEQx", this.budgets.expandedLines);
    if (typeof iterations === "string") {
      this.report("invalid-loop", "error", header, iterations);
      return;
    }
    if (bodyStart >= text.length) return;
    if (iterations.count > this.budgets.expandedLines) {
      this.overBudget(header, `~${kind} would produce ${iterations.count} lines; the linter expands at most ${this.budgets.expandedLines} lines from one line`, "expandedLines");
      return;
    }
    for (const values of iterations.values) {
      iterations.vars.forEach((v, i) => {
        const def: Definition = { name: v, value: values[i] ?? "", multiline: false, builtin: false, span: header, nameSpan: header };
        this.defs.set(v, { def, lines: [def.value] });
      });
      const body = sliceLine(line, bodyStart, text.length);
      const via: Via = { kind: "seq", name: iterations.vars.join(","), span: header };
      body.via = [...(line.via ?? []), via];
      if (!this.expandedLine(body, frame)) break;
    }
  }

  /** Expands definitions in a loop header (no position tracking needed). */
  private expandPlain(s: string, line: LineText): string {
    const fake: LineText = { file: line.file, text: s, base: 0, synth: [] };
    const sub = this.substitute(fake, lex(s).tokens);
    return sub ? sub.line.text : s;
  }

  // ---- include -------------------------------------------------------------

  private include(line: LineText, tokens: IToken[], kw: IToken, frame: FileFrame) {
    let end = kw.startOffset + kw.image.length;
    let patStart = -1;
    for (const t of tokens) {
      if (t.startOffset <= kw.startOffset) continue;
      if (t.tokenType === T().Comment) break;
      if (t.tokenType === T().Blank) continue;
      if (patStart < 0) patStart = t.startOffset;
      end = t.startOffset + t.image.length;
    }
    const pattern = line.text.slice(patStart, end);
    const kwMap = this.mapRange(line, kw.startOffset, end);
    const patMap = this.mapRange(line, patStart, end);
    const span: Span = { file: line.file.path, start: kwMap.start, end: kwMap.end };
    // Each include statement costs a glob and a cycle check even when it reads nothing: a file of include
    // lines that includes itself made them quadratic (a fuzzed input took seconds; issue 24).
    if (++this.includesSeen > this.budgets.includes) {
      if (this.includesSeen === this.budgets.includes + 1) {
        this.overBudget(span, `more than ${this.budgets.includes} include statements in all; the linter does not read this one or any after it`, "includes");
      }
      return;
    }
    const patternSpan: Span = { file: line.file.path, start: patMap.start, end: patMap.end };
    const ref: IncludeRef = { keyword: kw.image, pattern, span, patternSpan, files: [] };
    this.includes.push(ref);
    const baseDir = dirname(line.file.path);
    const cwd = isAbsolute(baseDir) ? baseDir : resolve(this.fs.cwd(), baseDir);
    const limit = this.budgets.files - this.filesRead;
    const pathsLeft = this.budgets.includePaths - this.includePathsSeen;
    if (pathsLeft <= 0) {
      // One finding, at the first include the budget stops (a truncated pattern before it said so already).
      if (!this.includePathsReported) this.overBudget(patternSpan, `the include patterns look up more than ${this.budgets.includePaths} paths in all; the linter does not read this include or any after it`, "includePaths");
      this.includePathsReported = true;
      return;
    }
    const looked = this.options.includePath && isAbsolute(pattern) ? this.options.includePath(pattern) : pattern;
    const g = glob(this.fs, looked, cwd, Math.max(1, limit), pathsLeft);
    this.includePathsSeen += g.lookedUp;
    if (g.braceLimit === "paths") {
      this.includePathsReported = true;
      this.overBudget(patternSpan, `the include patterns look up more than ${this.budgets.includePaths} paths in all; the linter reads the first ${g.lookedUp} of this pattern's and no later include`, "includePaths");
    } else if (g.braceLimit === "groups") {
      this.overBudget(patternSpan, `the include pattern has more than ${MAX_BRACE_GROUPS} brace groups; the linter does not expand its braces`, "braceGroups");
    } else if (g.braceLimit === "alternatives") {
      this.overBudget(patternSpan, `the include pattern's braces expand to more than ${MAX_BRACE_ALTERNATIVES} alternatives; the linter reads the first ${MAX_BRACE_ALTERNATIVES}`, "braceAlternatives");
    }
    const strict = kw.image !== "include";
    const sev = strict ? "error" : "warning";
    if (g.matches.length === 0) {
      if (hasWildcard(pattern)) {
        this.report("include-error", sev, patternSpan, `no files match "${pattern}"`, "check the include pattern");
      } else {
        this.report("include-error", sev, patternSpan, `included file "${pattern}" does not exist`, "check the path; relative paths are relative to the including file's directory");
      }
      return;
    }
    if (g.truncated) {
      this.report("include-error", "error", patternSpan, `"${pattern}" matches more files than the linter reads (${this.budgets.files} in all); the rest are skipped`);
    }
    if ((kw.image === "includeb" || kw.image === "includea") && g.missingAlternatives.length > 0) {
      this.report("include-error", "error", patternSpan, `some config files are missing: "${g.missingAlternatives.join('", "')}"`);
    }
    for (const m of g.matches) {
      if (this.readingStopped) break;
      const path = isAbsolute(m) ? m : resolve(cwd, m);
      const kind = this.fs.stat(path);
      if (kind === "directory") {
        this.report("include-error", strict ? "error" : "warning", patternSpan, `included path "${m}" is a directory - skipping`);
        continue;
      }
      if (kind === "other") {
        this.report("include-error", strict ? "error" : "warning", patternSpan, `included path "${m}" is not a regular file - skipping`);
        continue;
      }
      if (this.stack.includes(path)) {
        this.report("include-cycle", "error", span,
          `"${m}" includes itself through ${[...this.stack.slice(this.stack.indexOf(path)), path].map((p) => `"${p}"`).join(" → ")}; keepalived would loop until it runs out of file handles`,
          "remove the include that closes the cycle");
        continue;
      }
      if (this.filesRead >= this.budgets.files) break;
      if (this.stack.length >= this.budgets.includeDepth) {
        this.overBudget(span, `include nested more than ${this.budgets.includeDepth} files deep; the linter does not read "${m}"`, "includeDepth");
        break;
      }
      const content = this.load(path, patternSpan);
      if (content === undefined) continue;
      if (this.charsRead + content.text.length > this.budgets.totalChars) {
        this.overBudget(span, `"${m}" would make the configuration more than ${this.budgets.totalChars} characters in all (files included several times count each time); the linter does not read it`, "totalChars");
        break;
      }
      ref.files.push(path);
      const via: Via[] = [...(frame.via ?? []), { kind: "include", name: path, span }];
      this.readText(path, content, via);
    }
  }
}

/** Lines with words or braces in a run of the scanner's items (each ends with a LINE_END item). */
function linesIn(items: Int32Array, count: number): number {
  let n = 0;
  for (let k = 1; k < 2 * count; k += 2) if (items[k] === LINE_END) n++;
  return n;
}

function isLastWord(tokens: IToken[], t: IToken): boolean {
  for (let i = tokens.indexOf(t) + 1; i < tokens.length; i++) {
    if (tokens[i].tokenType !== T().Blank && tokens[i].tokenType !== T().Comment) return false;
  }
  return true;
}

/** decomment()'s escape handling: `\#` / `\!` outside double quotes lose their backslash. */
function unescapeComments(text: string): string {
  if (!text.includes("\\")) return text;
  let out = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    if (c === "\\" && !quoted && (text[i + 1] === "#" || text[i + 1] === "!")) continue;
    out += c;
  }
  return out;
}

/** Cuts [a, b) out of a line, keeping the mapping. */
/** Does a line starting with this token go through more than the brace split (see emit)? */
function startsLineSpecially(t: IToken): boolean {
  if (t.tokenType !== T().Word) return false;
  const w = t.image;
  return w.startsWith("@") || LOOP_START.test(w) || DEFINE_START.test(w) || INCLUDE_KEYWORDS.has(w);
}

function sliceLine(line: LineText, a: number, b: number): LineText {
  return {
    file: line.file,
    text: line.text.slice(a, b),
    base: line.orig ? 0 : line.base + a,
    orig: line.orig ? line.orig.slice(a, b) : undefined,
    synth: line.synth,
    via: line.via,
  };
}

/** strtol(s, NULL, 0): decimal, 0x hex, leading-0 octal; undefined when not a whole number. */
function strtol0(s: string): number | undefined {
  const t = s.trim();
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(t);
  if (!m) return undefined;
  const body = m[2];
  const n = /^0[xX]/.test(body) ? parseInt(body.slice(2), 16) : body.length > 1 && body.startsWith("0") ? parseInt(body, 8) : parseInt(body, 10);
  return m[1] === "-" ? -n : n;
}

/** `var, [start,] [step,] end` → the values, or an error message. */
function parseSeq(inner: string, hex: boolean, max: number): Iterations | string {
  const parts = inner.split(",").map((p) => p.trim());
  const v = parts[0];
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(v ?? "") || parts.length < 2 || parts.length > 4) return `invalid ~SEQ definition "(${inner})"`;
  const nums = parts.slice(1).map(strtol0);
  if (nums.some((n) => n === undefined)) return `invalid ~SEQ values "(${inner})"`;
  let start: number;
  let step: number;
  let end: number;
  const n = nums as number[];
  if (n.length === 1) {
    end = n[0];
    start = end < 0 ? -1 : 1;
    step = end < start ? -1 : 1;
  } else if (n.length === 2) {
    [start, end] = n;
    step = end < start ? -1 : 1;
  } else {
    [start, step, end] = n;
    if (step === 0 || (end - start) * step < 0) return `invalid ~SEQ values "(${inner})": the step never reaches the end`;
  }
  if (hex && (start < 0 || end < 0)) return "~SEQx is only valid for positive numbers";
  // The count first: values are only made for a loop within the budget.
  const count = Math.floor((end - start) / step) + 1;
  const values: string[][] = [];
  for (let x = start; count <= max && (step > 0 ? x <= end : x >= end); x += step) {
    values.push([hex ? x.toString(16) : String(x)]);
  }
  return { vars: [v], values, count };
}

interface Iterations {
  vars: string[];
  values: string[][];
  count: number;
}

/** `var, v1, v2…` or `{a,b}, {1,2}, {3,4}` → the values, or an error message. */
function parseLst(inner: string): Iterations | string {
  const t = inner.trim();
  if (t.startsWith("{")) {
    const groups = [...t.matchAll(/\{([^}]*)\}/g)].map((m) => m[1].split(",").map((x) => x.trim()));
    if (groups.length < 1) return `invalid ~LST specification "(${inner})"`;
    const vars = groups[0];
    if (!vars.every((v) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(v))) return `invalid ~LST specification "(${inner})"`;
    return { vars, values: groups.slice(1), count: groups.length - 1 };
  }
  const parts = t.split(",").map((p) => p.trim());
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(parts[0] ?? "") || parts.length < 2) return `invalid ~LST specification "(${inner})"`;
  return { vars: [parts[0]], values: parts.slice(1).map((x) => [x]), count: parts.length - 1 };
}

/** Control characters (not blanks or line ends) beyond which a file is not read as text. */
const MAX_CONTROL = 4;

/**
 * Offset of the first control character of a text that holds more than
 * MAX_CONTROL of them, else -1. A stray NUL is a keepalived matter (rule
 * nul-byte); many are a binary file. (Invalid UTF-8 is not counted: a
 * Latin-1 comment is still a configuration.)
 */
function binaryAt(text: string): number {
  let count = 0;
  let first = -1;
  // The regular expression engine scans for them (about twice the speed of a loop over every char, which
  // cost ~30 ms on a 10 MB file); a text has none or a few.
  CONTROL_CHAR.lastIndex = 0;
  for (let m = CONTROL_CHAR.exec(text); m !== null; m = CONTROL_CHAR.exec(text)) {
    if (first < 0) first = m.index;
    if (++count > MAX_CONTROL) return first;
  }
  return -1;
}

/** Control characters but tab, line feed, vertical tab, form feed and carriage return (and DEL). */
const CONTROL_CHAR = /[\x00-\x08\x0e-\x1f\x7f]/g;

/**
 * binaryAt() of an ASCII text, from its bytes (ReadResult.bytes), four bytes
 * at a time: ~5 ms on 10 MB where the regular expression took 20-35 ms.
 * Only a word that holds a control character is looked at byte by byte.
 */
function binaryAtBytes(bytes: Uint8Array): number {
  let count = 0;
  let first = -1;
  const n = bytes.length;
  const check = (from: number, to: number): boolean => {
    for (let i = from; i < to; i++) {
      const b = bytes[i];
      if (!((b < 32 && (b < 9 || b > 13)) || b === 127)) continue;
      if (first < 0) first = i;
      if (++count > MAX_CONTROL) return true;
    }
    return false;
  };
  // Bytes before the first 4-byte boundary of the buffer, and after the last, one by one.
  const head = Math.min(n, (4 - (bytes.byteOffset & 3)) & 3);
  const words = (n - head) >> 2;
  if (check(0, head)) return first;
  if (words > 0) {
    const u32 = new Uint32Array(bytes.buffer, bytes.byteOffset + head, words);
    for (let j = 0; j < words; j++) {
      const x = u32[j];
      // Every byte is below 0x80 (ASCII), so adding a constant to each byte carries into no other, and the
      // top bit of each sum tells one comparison: b < 0x20, b >= 9, b <= 13, b == 0x7f.
      const below32 = ~(x + 0x60606060) & 0x80808080;
      const from9 = (x + 0x77777777) & 0x80808080;
      const to13 = ~(x + 0x72727272) & 0x80808080;
      const del = (x + 0x01010101) & 0x80808080;
      if (((below32 & ~(from9 & to13)) | del) === 0) continue;
      const at = head + 4 * j;
      if (check(at, at + 4)) return first;
    }
  }
  return check(head + 4 * words, n) ? first : -1;
}

function escapeControl(c: string): string {
  return `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
}
