/**
 * `keepalived-lint cluster node-a.conf node-b.conf …`: lints the node configs
 * of one cluster together, prints the failover prediction and the cluster
 * findings. Without files, the `cluster` list of .keepalived-lint.json is used.
 */
import { dirname, resolve } from "node:path";
import { Chalk } from "chalk";
import { chalkPaint } from "../../reporters/chalk-paint.js";
import type { Command } from "commander";
import { ALL_RULES } from "../../../rules/index.js";
import { clusterJson } from "../../cluster/groups.js";
import { clusterOf, lint } from "../../workspace/lint.js";
import { findConfig } from "../../engine/config.js";
import { colorLevel } from "../color.js";
import { UsageError, type CliIo } from "../io.js";
import { homeUri, packageInfo, ruleDocsUri } from "../package-info.js";
import { displayPath, toMessage } from "../results.js";
import { parseRuleFlag, parseTargetVersion } from "../settings.js";
import { FORMATS, type FileResult } from "../../reporters/index.js";
import { nodeFiles } from "../../node/files.js";
import { clusterTable } from "../../reporters/cluster-table.js";
import { detectKeepalivedVersion } from "../../node/keepalived-version.js";

interface ClusterFlags {
  format: string;
  rule: string[];
  targetVersion?: string;
  color?: boolean;
}

export function registerCluster(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command("cluster")
    .description("lint the node configs of one cluster together and predict failover")
    .argument("[files...]", "one config per node (default: the cluster list of .keepalived-lint.json)")
    .option("--rule <id:severity>", "set a rule's severity (repeatable)", (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option("--target-version <version>", "keepalived release: 2.0.19 to 2.4.3, HEAD or newest (default: the installed keepalived, else newest)")
    .addHelpText("after", `
Options of the main command that apply: -f/--format (stylish or json), --color/--no-color.

Examples:
  keepalived-lint cluster lb1.conf lb2.conf lb3.conf
  keepalived-lint cluster --format json lb1.conf lb2.conf

Each node's @id lines are selected with the file's base name (lb1 for lb1.conf).
Exit status: 0 no error finding, 1 error findings, 2 usage or I/O error.`)
    .action((files: string[], flags: ClusterFlags) => {
      // -f/--format and --color are the main command's options (commander reads them anywhere on the line).
      const main = program.opts<{ color?: boolean; format?: string }>();
      done(clusterCommand(files, { ...flags, format: main.format ?? "stylish" }, main.color, io));
    });
}

function clusterCommand(given: string[], flags: ClusterFlags, color: boolean | undefined, io: CliIo): number {
  if (flags.format !== "stylish" && flags.format !== "json") throw new UsageError(`cluster: unknown format "${flags.format}" (expected stylish or json)`);
  const fs = nodeFiles({ cwd: io.cwd });
  let files = given;
  let base = io.cwd;
  if (files.length === 0) {
    const found = findConfig(fs, io.cwd);
    if (!found?.config.cluster?.length) throw new UsageError("cluster: give the node configs (keepalived-lint cluster a.conf b.conf), or a \"cluster\" list in .keepalived-lint.json");
    files = found.config.cluster;
    base = dirname(found.path);
  }
  if (files.length < 2) throw new UsageError("cluster: give at least two node configs");
  const paths = files.map((f) => resolve(base, f));
  for (const p of paths) {
    const r = fs.readFile(p);
    if (!r.ok) throw new UsageError(`cluster: ${r.message}`);
  }
  const known = new Set(ALL_RULES.map((r) => r.meta.id));
  const rules = Object.fromEntries(flags.rule.map((v) => parseRuleFlag(v, known)));
  const targetVersion = flags.targetVersion ? parseTargetVersion(flags.targetVersion) : detectKeepalivedVersion(io.env)?.version;
  // Each node reads its own @id lines: the file's base name stands for its host name.
  const nodes = files.map((file, i) => {
    const configId = paths[i].replace(/^.*\//, "").replace(/\.[^.]*$/, "");
    return { file, result: lint(fs, [paths[i]], { rules, targetVersion, configId }) };
  });
  const result = clusterOf(nodes, { rules, targetVersion });
  const errors = result.diagnostics.filter((d) => d.severity === "error").length;
  if (flags.format === "json") {
    const findings = result.diagnostics.map((d) => {
      const node = result.nodes.find((n) => n.result.files.has(d.file));
      const file = node?.result.files.get(d.file);
      const pos = file?.position(d.start) ?? { line: 1, column: 1 };
      return { file: node?.file ?? d.file, ruleId: d.ruleId, severity: d.severity, message: d.message, hint: d.hint, line: pos.line, column: pos.column };
    });
    io.stdout(JSON.stringify({ ...clusterJson(result.groups), findings }, null, 2) + "\n");
    return errors > 0 ? 1 : 0;
  }
  const level = colorLevel(color, io.env, io.stdoutIsTTY);
  const c = new Chalk({ level });
  io.stdout(clusterTable(result.groups, { bold: c.bold, dim: c.dim, red: c.red, green: c.green }));
  const byFile = new Map<string, FileResult>();
  for (const d of result.diagnostics) {
    const node = result.nodes.find((n) => n.result.files.has(d.file));
    const file = node?.result.files.get(d.file);
    const entry = byFile.get(d.file) ?? { filePath: d.file, displayPath: displayPath(d.file, io.cwd), source: file?.text, messages: [] };
    entry.messages.push(toMessage(d, file));
    byFile.set(d.file, entry);
  }
  const info = packageInfo();
  const report = FORMATS.stylish([...byFile.values()], {
    cwd: io.cwd, colorLevel: level, paint: chalkPaint(level), rules: ALL_RULES.map((r) => r.meta), helpUri: ruleDocsUri, informationUri: homeUri(), toolVersion: info.version,
  });
  io.stdout(report || "no cluster findings\n");
  return errors > 0 ? 1 : 0;
}
