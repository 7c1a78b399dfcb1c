/**
 * Lexer: keepalived's line reader as chevrotain tokens.
 *
 * keepalived has no separate lexer (lib/parser.c reads line by line), but its
 * rules are regular per physical line, so one token vocabulary covers them:
 *  - `#` and `!` start a comment anywhere outside double quotes, even mid-word
 *    (decomment()); `\#` / `\!` outside quotes are literal (backslash dropped).
 *  - only `"` quotes; a quote also ends a word, so `x"y z"w` is three words
 *    (alloc_strvec_r()); an unclosed quote runs to the end of the line.
 *  - `{` and `}` are split out anywhere outside quotes (read_line()'s brace split).
 *  - a line ends at `\n`; a trailing `\r` is stripped, a `\r` elsewhere is blank.
 * Trivia (blanks, newlines, comments) are tokens too, so the token images
 * concatenate back to the input byte for byte (the lossless tree needs that).
 * Keywords are not token types: whether a word is a keyword depends on its block.
 * Lines of nothing but words, blanks, braces and a comment are read by the
 * plain-line scanner (plain-line.ts) without tokens; every other line, and the
 * lossless tree, come through this lexer.
 */
import type { ILexingResult, IToken, Lexer, TokenType } from "chevrotain";
import { chevrotain } from "./chevrotain.js";

/** The token vocabulary; built with the lexer on first use (see chevrotain.ts). */
export interface TokenTypes {
  Blank: TokenType;
  Newline: TokenType;
  Word: TokenType;
  Comment: TokenType;
  Quoted: TokenType;
  /** `"` with no closing quote on the line: keepalived's "Unmatched quote"; the rest of the line is inside it. */
  OpenQuote: TokenType;
  LBrace: TokenType;
  RBrace: TokenType;
  /** A NUL byte: keepalived's fgets/strlen loses the rest of the line (2.2.7), or drops the line (newer). */
  Nul: TokenType;
  /** All of them, in matching order. */
  all: TokenType[];
}

function createTokens(): TokenTypes {
  const { createToken } = chevrotain();
  const Newline = createToken({ name: "Newline", pattern: /\r?\n/, line_breaks: true });
  // \r not followed by \n is a blank for keepalived's tokenizer (WHITE_SPACE includes \r).
  const Blank = createToken({ name: "Blank", pattern: /(?:[ \t\f\v]|\r(?!\n))+/ });
  // A \r ends no line but keepalived strips one at the end of a line (also at the end of the file),
  // so comments and quoted text never take a final \r: it is left to Blank.
  const Comment = createToken({ name: "Comment", pattern: /[#!](?:[^\r\n]|\r(?=[^\n]))*/ });
  const Quoted = createToken({ name: "Quoted", pattern: /"(?:[^"\r\n]|\r(?=[^\n]))*"/ });
  const OpenQuote = createToken({ name: "OpenQuote", pattern: /"(?:[^"\r\n]|\r(?=[^\n]))*/ });
  const LBrace = createToken({ name: "LBrace", pattern: /\{/ });
  const RBrace = createToken({ name: "RBrace", pattern: /\}/ });
  const Nul = createToken({ name: "Nul", pattern: /\0(?:[^\r\n]|\r(?!\n))*/ });
  /**
   * A word: anything but blanks, quotes, braces, comment starts and NUL. `\#` and `\!`
   * stay inside the word (unescaped later); a lone `\` is an ordinary character.
   */
  const Word = createToken({
    name: "Word",
    pattern: /(?:[^ \t\f\v\r\n"{}#!\\\0]|\\[#!]|\\(?![#!]))+/,
    // A complement set defeats chevrotain's first-char optimisation unless we
    // list the possible first characters; see wordStartChars().
    start_chars_hint: wordStartChars(),
  });
  const all = [Blank, Newline, Word, Comment, Quoted, OpenQuote, LBrace, RBrace, Nul];
  return { Blank, Newline, Word, Comment, Quoted, OpenQuote, LBrace, RBrace, Nul, all };
}

/**
 * Every character a Word can start with: all Latin-1 codes except blanks,
 * quotes, braces, comment starts and NUL, plus one representative of each
 * 255-code bucket above them (chevrotain indexes non-Latin-1 characters by
 * bucket, so one member stands for the whole bucket).
 */
function wordStartChars(): string[] {
  const chars: string[] = [];
  for (let c = 1; c < 256; c++) {
    const ch = String.fromCharCode(c);
    if (!/[ \t\f\v\r\n"{}#!]/.test(ch)) chars.push(ch);
  }
  for (let c = 256; c < 0x10000; c += 255) chars.push(String.fromCharCode(c));
  chars.push(String.fromCharCode(0xffff));
  return chars;
}
// Only keepalived's own blanks (" \t\f\v\r\n") separate words (a no-break space is
// part of a word, as for keepalived); every other character is matched by one of the tokens above, so the lexer is total and loses nothing.

/**
 * Offsets only: line/column come from SourceFile's line table. First-char
 * optimisation is enforced. Validation runs in the tests (lexer.test.ts builds
 * the lexer with it on); the shipped lexer skips it to start faster.
 */
export const LEXER_CONFIG = {
  positionTracking: "onlyOffset",
  ensureOptimizations: true,
} as const;

let built: { types: TokenTypes; lexer: Lexer } | undefined;

function build(): { types: TokenTypes; lexer: Lexer } {
  if (!built) {
    const types = createTokens();
    built = { types, lexer: new (chevrotain().Lexer)(types.all, { ...LEXER_CONFIG, skipValidations: true }) };
  }
  return built;
}

/** The token types (`t.tokenType === tokenTypes().Comment`). */
export function tokenTypes(): TokenTypes {
  return build().types;
}

export interface LexResult {
  tokens: IToken[];
  /** Offsets chevrotain could not match (must stay empty: the lexer is total). */
  errors: { offset: number; length: number }[];
}

/** Tokenises `text`; token offsets are relative to `text`. */
export function lex(text: string): LexResult {
  const r: ILexingResult = build().lexer.tokenize(text);
  return { tokens: r.tokens, errors: r.errors.map((e) => ({ offset: e.offset, length: e.length })) };
}

/** The value keepalived reads for a Word token: `\#` → `#`, `\!` → `!`. */
export function wordValue(image: string): string {
  return image.includes("\\") ? image.replace(/\\([#!])/g, "$1") : image;
}

/** The value of a Quoted token (quotes removed, no escapes: keepalived has none here). */
export function quotedValue(image: string): string {
  return image.slice(1, image.endsWith('"') && image.length > 1 ? -1 : undefined);
}
