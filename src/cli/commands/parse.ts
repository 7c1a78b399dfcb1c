/**
 * `keepalived-lint parse [--json] FILE`: the AST the linter sees (includes,
 * definitions and @id lines applied), for debugging configs and the tool.
 * JSON has no `parent` links (they are circular); positions are 1-based.
 */
import { resolve } from "node:path";
import type { Command } from "commander";
import { wordForDisplay, type ConfigNode, type Word } from "../../../grammar/ast.js";
import { readConfig, type ParseResult } from "../../../grammar/reader.js";
import { forgetMade } from "../../../grammar/tree.js";
import type { SourceFile } from "../../../grammar/source.js";
import { UsageError, type CliIo } from "../io.js";
import { JsonStream } from "../json-stream.js";
import { displayPath, toMessage } from "../results.js";
import { workspaceFor } from "../settings.js";

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
    .option("--target-version <version>", "keepalived release: 2.0.19 to 2.4.3, HEAD or newest (default: the installed keepalived, else newest)")
    .action((file: string, flags: ParseFlags) => {
      // The config id and target version the linter would use: the workspace's settings, flags winning.
      // The main command defines the same options and commander may hand them to it: take either.
      const main = program.opts<ParseFlags>();
      const workspace = workspaceFor({ configId: flags.configId ?? main.configId, targetVersion: flags.targetVersion ?? main.targetVersion }, io);
      const fs = workspace.fs;
      const path = resolve(io.cwd, file);
      const r = fs.readFile(path);
      if (!r.ok) throw new UsageError(r.message);
      const { configId, targetVersion } = workspace.settingsFor(path).lint;
      const parsed = readConfig(fs, [path], { configId, targetVersion }, new Map([[path, r.text]]));
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
        for (const n of parsed.ast.children) {
          walk(n, 0);
          forgetMade(n);
        }
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
 * The AST as JSON, written top-level block by block: one string of the whole
 * tree took 1.5 GB on a 500k-line config. Each block is JSON.stringify'd on
 * its own (the native layout is faster than one made by hand) and indented to
 * its depth, so the text is what JSON.stringify(out, null, 2) gives (tests
 * compare the two).
 */
function writeJson(parsed: ParseResult, io: CliIo): void {
  const files = parsed.files;
  const json = new JsonStream(io.stdout);
  json.open("{");
  json.field("roots", parsed.ast.roots);
  json.field("files", [...files.keys()]);
  json.key("children");
  json.open("[");
  for (const n of parsed.ast.children) {
    json.value(nodeJson(n, files));
    // Written: its views' words and child lists need not live to the end (a large config's peak memory).
    forgetMade(n);
  }
  json.close("]");
  json.field("includes", parsed.ast.includes.map((i) => ({ keyword: i.keyword, pattern: i.pattern, file: i.span.file, ...pos(files.get(i.span.file), i.span.start), files: i.files })));
  json.field("definitions", parsed.ast.definitions.map((d) => ({ name: d.name, value: d.value, multiline: d.multiline, file: d.span.file, ...pos(files.get(d.span.file), d.span.start) })));
  json.field("diagnostics", parsed.diagnostics.map((d) => ({ file: d.file, ...toMessage(d, files.get(d.file)) })));
  json.close("}");
  json.end();
}

function wordJson(w: Word, files: ReadonlyMap<string, SourceFile>) {
  const p = pos(files.get(w.file), w.start);
  return { text: w.text, quoted: w.quoted, ...(w.synthetic && { synthetic: true }), file: w.file, line: p.line, column: p.column };
}

function nodeJson(n: ConfigNode, files: ReadonlyMap<string, SourceFile>): unknown {
  const s = pos(files.get(n.file), n.start);
  const e = pos(files.get(n.file), n.end);
  return {
    name: n.name,
    kind: n.kind,
    context: n.context,
    known: n.known,
    file: n.file,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    keyword: wordJson(n.keyword, files),
    args: n.args.map((a) => wordJson(a, files)),
    ...(n.block && { block: { kind: n.block.kind, childContext: n.block.childContext, closed: n.block.close !== undefined } }),
    children: n.children.map((c) => nodeJson(c, files)),
  };
}
