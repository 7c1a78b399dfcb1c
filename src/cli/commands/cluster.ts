/**
 * `keepalived-lint cluster [id=]node.conf …`: lints the node configs of one
 * cluster together, each with its own config id and settings, predicts
 * failover, and reports the cluster findings and the nodes' own in one report,
 * through the same reporters, -o and --max-warnings as lint. Without files,
 * the `cluster` list of .keepalived-lint.json is used.
 */
import { Chalk } from "chalk";
import type { Command } from "commander";
import type { Diagnostic } from "../../../grammar/ast.js";
import type { SourceFile } from "../../../grammar/source.js";
import { clusterJson } from "../../cluster/groups.js";
import { clusterTable } from "../../reporters/cluster-table.js";
import type { FileResult } from "../../reporters/types.js";
import type { ClusterRun, NodeSpec } from "../../workspace/cluster.js";
import { UsageError, type CliIo } from "../io.js";
import { reporterFor, writeReport, type ReportFlags } from "../report.js";
import { displayPath, sortResults, toMessage } from "../results.js";
import { maskSecrets, secretsOf } from "../../engine/secrets.js";
import { readTemplateVars, workspaceFor } from "../settings.js";
import type { Workspace } from "../../workspace/workspace.js";
import { detectionNote } from "../repository.js";
import { repositoryTop } from "../../workspace/roots.js";

interface ClusterFlags extends ReportFlags {
  rule: string[];
  targetVersion?: string;
  nodeFindings: boolean;
  config?: string | boolean;
  /** One vars file: every node rendered with it; several: one template, a node per file. */
  templateVars?: string[];
}

export function registerCluster(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command("cluster")
    .description("lint the node configs of one cluster together and predict failover")
    .argument("[nodes...]", "one config per node, as FILE or ID=FILE (default: the cluster list of .keepalived-lint.json)")
    .option("--no-node-findings", "report only the cluster findings, not each node's own")
    .addHelpText("after", `
Options of the main command that apply: -f/--format (stylish, compact, json, sarif, github),
-o/--output-file, --max-warnings, --rule, --target-version, -c/--config, --no-config,
--color/--no-color.

Examples:
  keepalived-lint cluster lb1.conf lb2.conf lb3.conf
  keepalived-lint cluster lb1=lb1/keepalived.conf lb2=lb2/keepalived.conf
  keepalived-lint cluster -f sarif -o cluster.sarif --max-warnings 0
  keepalived-lint cluster templates/keepalived.conf.j2 \\
      --template-vars host_vars/lb1.yml --template-vars host_vars/lb2.yml

Each node reads its @id lines with its own config id: the ID of ID=FILE, else
the directory name of a .../NAME/keepalived.conf, else the file's base name
(lb1 for lb1.conf).
One template with several --template-vars [ID=]FILE: each vars file (YAML or
JSON) renders the template as one node, named ID, else after the file
(host_vars/lb1.yml and host_vars/lb1/main.yml are lb1); findings point at the
template's lines, and a finding only some renderings make names them.
Exit status: 0 no errors (and warnings within --max-warnings), 1 errors or too
many warnings, 2 usage, configuration or I/O error.`)
    .action(async (nodes: string[], flags: { nodeFindings: boolean }) => {
      // The report and settings options are the main command's (commander reads them anywhere on the line).
      const main = program.opts<Omit<ClusterFlags, "nodeFindings">>();
      done(await clusterCommand(nodes, { ...main, format: main.format ?? "stylish", rule: main.rule ?? [], nodeFindings: flags.nodeFindings }, io));
    });
}

async function clusterCommand(given: string[], flags: ClusterFlags, io: CliIo): Promise<number> {
  const formatter = await reporterFor(flags);
  const several = (flags.templateVars ?? []).length > 1;
  const workspace = workspaceFor(several ? { ...flags, templateVars: undefined } : flags, io);
  const specs = several ? renderingNodes(workspace, given, flags.templateVars!, io.cwd) : workspace.clusterNodes(given, io.cwd);
  if (specs.length === 0) throw new UsageError("cluster: give the node configs (keepalived-lint cluster a.conf b.conf), or a \"cluster\" list in .keepalived-lint.json");
  if (specs.length < 2) throw new UsageError("cluster: give at least two node configs");
  for (const s of specs) {
    const r = workspace.fs.readFile(s.path);
    if (!r.ok) throw new UsageError(`cluster: ${r.message}`);
  }
  const run = workspace.cluster(specs, { nodeFindings: flags.nodeFindings });
  // As lint says it: /etc/keepalived/… was read from a copy in the checkout.
  const top = repositoryTop(workspace.fs, io.cwd);
  for (const d of workspace.detections()) io.stderr(detectionNote(d, top, false));
  const results = resultsOf(run, io.cwd);
  const clean = results.every((r) => r.messages.length === 0);
  if (flags.format === "json") {
    const nodes = run.specs.map((s, i) => ({ name: run.nodes[i].file, file: s.file, configId: s.configId, ...(s.varsFile !== undefined && { templateVars: s.varsFile }) }));
    return writeReport(results, flags, formatter, io, { top, wrap: (text) => JSON.stringify({ nodes, ...clusterJson(run.groups), results: JSON.parse(text) }, null, 2) + "\n" });
  }
  if (flags.format !== "stylish") return writeReport(results, flags, formatter, io, { top });
  return writeReport(results, flags, formatter, io, {
    top,
    preface: (level, width) => {
      const c = new Chalk({ level });
      return clusterTable(run.groups, { bold: c.bold, dim: c.dim, red: c.red, green: c.green }, width) + "\n";
    },
    wrap: (text) => (clean ? text + "no findings\n" : text),
  });
}

/** `cluster TEMPLATE --template-vars [ID=]FILE …`: the template rendered once per vars file, a node each. */
function renderingNodes(workspace: Workspace, given: string[], varsArgs: string[], cwd: string): NodeSpec[] {
  if (given.length !== 1) {
    throw new UsageError(`cluster: with several --template-vars, give one template (got ${given.length} files): keepalived-lint cluster keepalived.conf.j2 --template-vars lb1.yml --template-vars lb2.yml`);
  }
  const vars = varsArgs.map((a) => workspace.varsArgument(a, cwd));
  const seen = new Map<string, string>();
  for (const v of vars) {
    const other = seen.get(v.id);
    if (other !== undefined) throw new UsageError(`cluster: --template-vars ${other} and ${v.file} both name node "${v.id}"; name them: ID=FILE`);
    seen.set(v.id, v.file);
  }
  return workspace.templateNodes(given[0], vars.map((v) => ({ ...v, values: readTemplateVars(v.path, v.file) })), cwd);
}

/** One FileResult per node file read (clean ones too: SARIF and CI list what was checked). */
function resultsOf(run: ClusterRun, cwd: string): FileResult[] {
  const sources = new Map<string, SourceFile>();
  for (const n of run.nodes) for (const [p, f] of n.result.files) if (!sources.has(p)) sources.set(p, f);
  const byFile = new Map<string, Diagnostic[]>([...sources.keys()].map((p) => [p, []]));
  const secrets = run.nodes.flatMap((n) => secretsOf(n.result.ast));
  for (const d of run.report) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  return sortResults(
    [...byFile].map(([path, ds]) => ({
      filePath: path,
      displayPath: displayPath(path, cwd),
      // Code frames show the line of a finding: its secrets as asterisks.
      source: sources.get(path) && maskSecrets(sources.get(path)!.text, path, secrets),
      messages: ds.map((d) => toMessage(d, sources.get(path))),
    })),
  );
}
