/**
 * `keepalived-lint parse [--json] FILE`: the AST the linter sees (includes,
 * definitions and @id lines applied), for debugging configs and the tool.
 * JSON has no `parent` links (they are circular); positions are 1-based.
 */
import { resolve } from "node:path";
import type { Command } from "commander";
import { wordForDisplay, type ConfigNode } from "../../../grammar/ast.js";
import { readConfig, type ParseResult } from "../../../grammar/reader.js";
import type { SourceFile } from "../../../grammar/source.js";
import { forgetMade, storeNodeOf } from "../../../grammar/tree.js";
import { ByteOut } from "../byte-out.js";
import { UsageError, type CliIo } from "../io.js";
import { JsonStream } from "../json-stream.js";
import { readOnce } from "../read-once.js";
import { TreeJson } from "../tree-json.js";
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
      // The file is read once: checked here, then handed to the reader as read, bytes and all (an ASCII
      // file's bytes spare the reader a pass over its text).
      const fs = readOnce(workspace.fs);
      const path = resolve(io.cwd, file);
      fs.keep(path);
      const r = fs.readFile(path);
      if (!r.ok) throw new UsageError(r.message);
      // Absolute includes are looked for where the linter looks (a checkout's copy of /etc/keepalived).
      const { configId, targetVersion, includePath } = workspace.lintSettingsOf(path);
      const parsed = readConfig(fs, [path], { configId, targetVersion, includePath });
      if (flags.json) {
        writeJson(parsed, io);
      } else {
        const lines: string[] = [];
        const walk = (n: ConfigNode, depth: number) => {
          const p = positionIn(parsed.files.get(n.file), n.start);
          const where = `${displayPath(n.file, io.cwd)}:${p.line}:${p.column}`;
          lines.push(`${"  ".repeat(depth)}${[n.name, ...n.args.map(wordForDisplay)].join(" ")}${n.known ? "" : "  (unknown keyword)"}  ${where}`);
          for (const c of n.children) walk(c, depth + 1);
        };
        for (const n of parsed.ast.children) {
          walk(n, 0);
          forgetMade(n);
        }
        for (const d of parsed.diagnostics) {
          const p = positionIn(parsed.files.get(d.file), d.start);
          lines.push(`${displayPath(d.file, io.cwd)}:${p.line}:${p.column}: ${d.severity}: ${d.message} [${d.ruleId}]`);
        }
        io.stdout(lines.join("\n") + (lines.length ? "\n" : ""));
      }
      done(0);
    });
}

function positionIn(file: SourceFile | undefined, offset: number): { line: number; column: number } {
  return file?.position(offset) ?? { line: 1, column: 1 };
}

/**
 * The AST as JSON, in JSON.stringify(out, null, 2)'s layout (tests compare
 * the two), written as it is made: one string of the whole tree took 1.5 GB
 * on a 500k-line config. The nodes are written as bytes from the reader's
 * store (TreeJson); the rest, a few lists, by JsonStream.
 */
function writeJson(parsed: ParseResult, io: CliIo): void {
  const files = parsed.files;
  const decoder = new TextDecoder();
  const out = new ByteOut((bytes) => (io.stdoutBytes ? io.stdoutBytes(bytes) : io.stdout(decoder.decode(bytes))));
  const json = new JsonStream((text) => out.text(text));
  const tree = new TreeJson(out, files);
  json.open("{");
  json.field("roots", parsed.ast.roots);
  json.field("files", [...files.keys()]);
  json.key("children");
  json.open("[");
  for (const n of parsed.ast.children) {
    const stored = storeNodeOf(n);
    // The reader makes every node from its store; anything else is a bug (exit 3), not a silent gap.
    if (!stored) throw new Error(`parse --json: node "${n.name}" is not the reader's`);
    json.raw((depth) => tree.write(stored, depth));
  }
  json.close("]");
  json.field("includes", parsed.ast.includes.map((i) => ({ keyword: i.keyword, pattern: i.pattern, file: i.span.file, ...positionIn(files.get(i.span.file), i.span.start), files: i.files })));
  json.field("definitions", parsed.ast.definitions.map((d) => ({ name: d.name, value: d.value, multiline: d.multiline, file: d.span.file, ...positionIn(files.get(d.span.file), d.span.start) })));
  json.field("diagnostics", parsed.diagnostics.map((d) => ({ file: d.file, ...toMessage(d, files.get(d.file)) })));
  json.close("}");
  json.end();
  out.flush();
}
