/**
 * Parser: builds the typed AST from logical lines exactly as keepalived's
 * process_stream() / alloc_value_block() walk them:
 *  - a keyword that opens a block wants the next line to be `{`; without it
 *    keepalived reports "Missing '{'" and reads on inside the block anyway;
 *  - a `{` nobody asked for is ignored ("Unexpected '{'"), so its `}` closes
 *    the enclosing block — the lines between belong to the enclosing block;
 *  - a value block (virtual_ipaddress, track_script, …) takes every line up to
 *    the first line that is exactly `}` as an entry;
 *  - a brace counter independent of the keyword tree reports extra `}` and
 *    unclosed `{` (keepalived's block_depth).
 */
import type { ConfigNode, Diagnostic, Span, Word } from "./ast.js";
import type { LineSink, LogicalLine } from "./preprocessor.js";
import { getContext, lookupKeyword, ROOT_CONTEXT } from "./schema/index.js";

interface Frame {
  node: ConfigNode | undefined; // undefined = top level
  context: string;
  values: boolean;
  /** The block keyword was read; its `{` has not come yet. */
  needOpen: boolean;
}

export class TreeBuilder implements LineSink {
  readonly children: ConfigNode[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private frames: Frame[] = [{ node: undefined, context: ROOT_CONTEXT, values: false, needOpen: false }];
  /** Unmatched `{` lines, for keepalived's lexical brace count. */
  private openBraces: Span[] = [];

  line(l: LogicalLine): void {
    const counted = l.kind === "brace" ? this.braceCount(l.brace, l.span) : false;
    if (l.kind === "brace" && l.brace === "}" && this.frames.length === 1 && !counted) {
      // keepalived reads a top-level '}' as the keyword '}' ("Unknown keyword '}'").
      this.report("unbalanced-brace", "error", l.span, "'}' at the top level closes no block",
        "remove it, or the '{' it was meant to match");
      return;
    }
    const frame = this.frames[this.frames.length - 1];
    if (frame.values) this.valueLine(frame, l);
    else this.keywordLine(frame, l);
  }

  /** Call once after the last line. */
  finish(): void {
    for (let i = this.frames.length - 1; i > 0; i--) {
      const f = this.frames[i];
      const node = f.node!;
      this.report("unbalanced-brace", "error", node.keyword,
        `"${node.name}" block is not closed before the end of the configuration`,
        `add "}" to close "${node.name}"`);
    }
    if (this.frames.length === 1 && this.openBraces.length > 0) {
      const n = this.openBraces.length;
      this.report("unbalanced-brace", "error", this.openBraces[n - 1],
        `${n} '{' ${n === 1 ? "is" : "are"} never closed`, "add the missing \"}\"");
    }
    this.frames.length = 1;
  }

  /** keepalived's block_depth count; true when it reported an extra '}'. */
  private braceCount(brace: "{" | "}", span: Span): boolean {
    if (brace === "{") this.openBraces.push(span);
    else if (this.openBraces.length > 0) this.openBraces.pop();
    else {
      this.report("unbalanced-brace", "error", span, "extra '}' with no block to close", "remove this \"}\"");
      return true;
    }
    return false;
  }

  private report(ruleId: string, severity: Diagnostic["severity"], span: Span, message: string, hint?: string) {
    this.diagnostics.push({ ruleId, severity, file: span.file, start: span.start, end: span.end, message, hint });
  }

  private keywordLine(frame: Frame, l: LogicalLine) {
    if (frame.needOpen) {
      frame.needOpen = false;
      if (l.kind === "brace" && l.brace === "{") {
        frame.node!.block!.open = span(l.span);
        return;
      }
      this.report("missing-brace", "error", frame.node!.keyword,
        `"${frame.node!.name}" opens a block but the next line is not "{"`,
        `put "{" after "${frame.node!.name}"; keepalived reads the following lines as its block anyway`);
    }
    if (l.kind === "brace") {
      if (l.brace === "{") {
        const prev = last(frame.node ? frame.node.children : this.children);
        const after = prev && !prev.block ? ` after "${prev.name}", which does not open a block` : "";
        this.report("unexpected-brace", "error", l.span,
          `unexpected '{'${after}: keepalived ignores it, so its '}' closes the enclosing block`,
          prev && !prev.known ? `"${prev.name}" is not a keyword here; fix it or remove the block` : "remove the '{' and its '}'");
        return;
      }
      if (this.frames.length > 1) this.close(l.span);
      // A '}' at the top level was reported by the brace counter.
      return;
    }
    const kw = l.words[0];
    const args = l.words.length > 1 ? l.words.slice(1) : NO_ARGS;
    const spec = lookupKeyword(frame.context, kw.text);
    const node = this.node("keyword", kw, args, frame, l, spec !== undefined);
    if (spec && (spec.kind === "block" || spec.kind === "value-block") && spec.childContext && getContext(spec.childContext)) {
      node.block = { kind: spec.kind === "block" ? "keywords" : "values", childContext: spec.childContext };
      this.frames.push({ node, context: spec.childContext, values: spec.kind === "value-block", needOpen: true });
    }
  }

  private valueLine(frame: Frame, l: LogicalLine) {
    if (frame.needOpen) {
      frame.needOpen = false;
      if (l.kind === "brace" && l.brace === "{") {
        frame.node!.block!.open = span(l.span);
        return;
      }
      // keepalived only logs this at run time (not under -t) and takes the line as a value.
      this.report("missing-brace", "warning", frame.node!.keyword,
        `"${frame.node!.name}" should be followed by "{"; keepalived takes the next line as one of its values`,
        `put "{" after "${frame.node!.name}"`);
    }
    if (l.kind === "brace") {
      if (l.brace === "}") {
        this.close(l.span);
        return;
      }
      // A '{' inside a value block is passed to the entry parser as a value.
      this.node("entry", l.span, [], frame, { kind: "words", words: [l.span], rest: "", file: l.span.file }, true);
      return;
    }
    this.node("entry", l.words[0], l.words.length > 1 ? l.words.slice(1) : NO_ARGS, frame, l, true);
  }

  private node(kind: ConfigNode["kind"], kw: Word, args: Word[], frame: Frame, l: LogicalLine, known: boolean): ConfigNode {
    const lastWord = args.length > 0 ? args[args.length - 1] : kw;
    const sameFile = lastWord.file === kw.file && lastWord.end >= kw.start;
    // Every field is set in the literal so that all nodes share one hidden class.
    const node: ConfigNode = {
      kind,
      name: kw.text,
      keyword: kw,
      args,
      context: frame.context,
      known,
      block: undefined,
      children: NO_CHILDREN,
      parent: frame.node,
      // Only script keywords re-read their raw line; keeping it for every line costs memory.
      rest: l.kind === "words" && (kind === "entry" || lookupKeyword(frame.context, kw.text)?.quoted) ? l.rest : "",
      via: l.via,
      file: kw.file,
      start: kw.start,
      end: sameFile ? lastWord.end : kw.end,
    };
    const parent = frame.node;
    if (parent) {
      if (parent.children === NO_CHILDREN) parent.children = [];
      parent.children.push(node);
    } else this.children.push(node);
    return node;
  }

  private close(s: Span) {
    const frame = this.frames.pop()!;
    const node = frame.node!;
    node.block!.close = span(s);
    if (s.file === node.file && s.end > node.end) node.end = s.end;
  }
}

/** Shared empty arrays for leaf nodes (most lines): frozen so a stray push fails loudly. */
const NO_CHILDREN: ConfigNode[] = Object.freeze([]) as unknown as ConfigNode[];
const NO_ARGS: Word[] = Object.freeze([]) as unknown as Word[];

function span(s: Span): Span {
  return { file: s.file, start: s.start, end: s.end };
}

function last<T>(a: T[]): T | undefined {
  return a.length > 0 ? a[a.length - 1] : undefined;
}
