/**
 * `keepalived-lint parse [--json] FILE`: the AST the linter sees (includes,
 * definitions and @id lines applied), for debugging configs and the tool.
 * JSON has no `parent` links (they are circular); positions are 1-based.
 */
import { resolve } from "node:path";
import type { Command } from "commander";
import { wordForDisplay, type ConfigNode, type Word } from "../../../grammar/ast.js";
import { readConfig, type ParseResult } from "../../../grammar/reader.js";
import type { SourceFile } from "../../../grammar/source.js";
import { nodeFiles } from "../../node/files.js";
import { UsageError, type CliIo } from "../io.js";
import { JsonStream } from "../json-stream.js";
import { displayPath, toMessage } from "../results.js";
import { hostName } from "../../node/host.js";
import { parseTargetVersion } from "../settings.js";

interface ParseFlags {
  json?: boolean;
  configId?: string;
  targetVersion?: string;
}

export function registerParse(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command("parse")
    .description("print the configuration as the linter reads it (an outline, or the AST with --json)")
    .argument("<file>", "main config file")
    .option("--json", "print the AST and the reader's findings as JSON")
    .option("--config-id <id>", "config id selecting @id lines (default: this host's short name)")
    .option("--target-version <version>", "keepalived version: 2.2.7 or newest")
    .action((file: string, flags: ParseFlags) => {
      const fs = nodeFiles({ cwd: io.cwd });
      const path = resolve(io.cwd, file);
      const r = fs.readFile(path);
      if (!r.ok) throw new UsageError(r.message);
      const parsed = readConfig(fs, [path], {
        configId: flags.configId ?? hostName(),
        targetVersion: flags.targetVersion === undefined ? "newest" : parseTargetVersion(flags.targetVersion),
      }, new Map([[path, r.text]]));
      if (flags.json) {
        writeJson(parsed, io);
      } else {
        const lines: string[] = [];
        const walk = (n: ConfigNode, depth: number) => {
          const p = pos(parsed.files.get(n.file), n.start);
          const where = `${displayPath(n.file, io.cwd)}:${p.line}:${p.column}`;
          lines.push(`${"  ".repeat(depth)}${[n.name, ...n.args.map(wordForDisplay)].join(" ")}${n.known ? "" : "  (unknown keyword)"}  ${where}`);
          for (const c of n.children) walk(c, depth + 1);
        };
        for (const n of parsed.ast.children) walk(n, 0);
        for (const d of parsed.diagnostics) {
          const p = pos(parsed.files.get(d.file), d.start);
          lines.push(`${displayPath(d.file, io.cwd)}:${p.line}:${p.column}: ${d.severity}: ${d.message} [${d.ruleId}]`);
        }
        io.stdout(lines.join("\n") + (lines.length ? "\n" : ""));
      }
      done(0);
    });
}

function pos(file: SourceFile | undefined, offset: number): { line: number; column: number } {
  return file?.position(offset) ?? { line: 1, column: 1 };
}

/**
 * The AST as JSON, written top-level block by block as it is laid out: one
 * string of the whole tree took 1.5 GB on a 500k-line config. The text is
 * what JSON.stringify(out, null, 2) gives (tests compare the two).
 */
function writeJson(parsed: ParseResult, io: CliIo): void {
  const files = parsed.files;
  const json = new JsonStream(io.stdout);
  json.open("{");
  json.field("roots", parsed.ast.roots);
  json.field("files", [...files.keys()]);
  json.key("children");
  json.open("[");
  const layout = new NodeLayout(files);
  for (const n of parsed.ast.children) json.rawValue(layout.node(n, json.depth()));
  json.close("]");
  json.field("includes", parsed.ast.includes.map((i) => ({ keyword: i.keyword, pattern: i.pattern, file: i.span.file, ...pos(files.get(i.span.file), i.span.start), files: i.files })));
  json.field("definitions", parsed.ast.definitions.map((d) => ({ name: d.name, value: d.value, multiline: d.multiline, file: d.span.file, ...pos(files.get(d.span.file), d.span.start) })));
  json.field("diagnostics", parsed.diagnostics.map((d) => ({ file: d.file, ...toMessage(d, files.get(d.file)) })));
  json.close("}");
  json.end();
}

/**
 * A node as JSON.stringify(…, null, 2) lays it out at a given depth, written
 * by hand: stringifying and re-indenting each node's fields was most of the
 * time of `parse --json` on large configs. Field order: name, kind, context,
 * known, file, line, column, endLine, endColumn, keyword, args, block?, children.
 */
class NodeLayout {
  private readonly quotedFile = new Map<string, string>();
  constructor(private readonly files: ReadonlyMap<string, SourceFile>) {}

  node(n: ConfigNode, depth: number): string {
    const pad = "\n" + "  ".repeat(depth + 1);
    const file = this.files.get(n.file);
    const s = pos(file, n.start);
    const e = pos(file, n.end);
    let out = `{${pad}"name": ${JSON.stringify(n.name)},${pad}"kind": ${JSON.stringify(n.kind)},${pad}"context": ${JSON.stringify(n.context)},${pad}"known": ${n.known},${pad}"file": ${this.file(n.file)},${pad}"line": ${s.line},${pad}"column": ${s.column},${pad}"endLine": ${e.line},${pad}"endColumn": ${e.column},${pad}"keyword": ${this.word(n.keyword, depth + 1)},${pad}"args": `;
    if (n.args.length === 0) out += "[]";
    else {
      const inner = pad + "  ";
      out += "[";
      for (let i = 0; i < n.args.length; i++) out += (i > 0 ? "," : "") + inner + this.word(n.args[i], depth + 2);
      out += pad + "]";
    }
    if (n.block) {
      const inner = pad + "  ";
      out += `,${pad}"block": {${inner}"kind": ${JSON.stringify(n.block.kind)},${inner}"childContext": ${JSON.stringify(n.block.childContext)},${inner}"closed": ${n.block.close !== undefined}${pad}}`;
    }
    out += `,${pad}"children": `;
    if (n.children.length === 0) out += "[]";
    else {
      out += "[";
      for (let i = 0; i < n.children.length; i++) out += (i > 0 ? "," : "") + pad + "  " + this.node(n.children[i], depth + 2);
      out += pad + "]";
    }
    return out + pad.slice(0, -2) + "}";
  }

  private word(w: Word, depth: number): string {
    const pad = "\n" + "  ".repeat(depth + 1);
    const p = pos(this.files.get(w.file), w.start);
    return `{${pad}"text": ${JSON.stringify(w.text)},${pad}"quoted": ${w.quoted},${w.synthetic ? `${pad}"synthetic": true,` : ""}${pad}"file": ${this.file(w.file)},${pad}"line": ${p.line},${pad}"column": ${p.column}${pad.slice(0, -2)}}`;
  }

  private file(path: string): string {
    let q = this.quotedFile.get(path);
    if (q === undefined) this.quotedFile.set(path, (q = JSON.stringify(path)));
    return q;
  }
}
