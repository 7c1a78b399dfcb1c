/**
 * The report of a run, the same for lint and cluster: findings as FileResults
 * through the chosen reporter to stdout, stderr or -o FILE, and the exit code
 * from errors and --max-warnings.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { ALL_RULES } from "../../rules/index.js";
import { FORMAT_NAMES, loadFormatter } from "../reporters/load.js";
import { paintFor } from "../reporters/paint.js";
import { countMessages, type FileResult, type Formatter } from "../reporters/types.js";
import { colorLevel } from "./color.js";
import { EXIT, outputWidth, UsageError, type CliIo } from "./io.js";
import { nodeFiles } from "../node/files.js";
import { homeUri, packageInfo, ruleDocsUri, ruleDocText } from "./package-info.js";
import { repositoryTop } from "../workspace/roots.js";
import { ciLocation, rootUri, withoutMachinePaths } from "./results.js";

export interface ReportFlags {
  format: string;
  outputFile?: string;
  maxWarnings?: number;
  color?: boolean;
}

/** Checks the report flags before any work is done (a typo must not cost a long lint). */
export async function reporterFor(flags: ReportFlags): Promise<Formatter> {
  const formatter = await loadFormatter(flags.format);
  if (!formatter) throw new UsageError(`unknown format "${flags.format}" (expected ${FORMAT_NAMES.join(", ")})`);
  if (flags.maxWarnings !== undefined && (!Number.isInteger(flags.maxWarnings) || flags.maxWarnings < -1)) {
    throw new UsageError("--max-warnings expects an integer (-1 for no limit)");
  }
  return formatter;
}

export interface ReportOptions {
  /** Standard output carries something else (a patch, the fixed config): the report goes to stderr. */
  toStderr?: boolean;
  /** Put before the report in terminal formats (the cluster's failover table); gets the colour level. */
  preface?: (level: 0 | 1 | 2 | 3, width: number | undefined) => Promise<string> | string;
  /** Turns the reporter's text into the final text (cluster JSON wraps it with the prediction). */
  wrap?: (text: string) => string;
  /** The repository's top (CI paths are relative to it); default: the git top above the working directory, else it. */
  top?: string;
}

/** Writes the report and returns the exit code. */
export async function writeReport(results: FileResult[], flags: ReportFlags, formatter: Formatter, io: CliIo, options: ReportOptions = {}): Promise<number> {
  const level = colorLevel(flags.color, io.env, flags.outputFile === undefined && (options.toStderr ? false : io.stdoutIsTTY));
  const width = outputWidth(io, flags.outputFile === undefined && !options.toStderr);
  const top = options.top ?? repositoryTop(nodeFiles({ cwd: io.cwd }), io.cwd);
  // CI reports name files from the repository root, and no message carries this machine's absolute paths.
  const located = results.map((r) => ({
    ...r,
    ...ciLocation(r.filePath, top),
    messages: r.messages.map((m) => ({ ...m, message: withoutMachinePaths(m.message, top), ...(m.hint !== undefined && { hint: withoutMachinePaths(m.hint, top) }) })),
  }));
  let text = formatter(located, {
    cwd: io.cwd,
    rootUri: rootUri(top),
    ruleDoc: ruleDocText,
    colorLevel: level,
    paint: await paintFor(level),
    width,
    rules: ALL_RULES.map((r) => r.meta),
    helpUri: ruleDocsUri,
    // Read from package.json only by the formats that print them (SARIF), not on every lint.
    get informationUri() {
      return homeUri();
    },
    get toolVersion() {
      return packageInfo().version;
    },
  });
  if (options.preface) text = (await options.preface(level, width)) + text;
  if (options.wrap) text = options.wrap(text);
  if (flags.outputFile !== undefined) {
    try {
      writeFileSync(resolve(io.cwd, flags.outputFile), text);
    } catch (e) {
      throw new UsageError(`cannot write ${flags.outputFile}: ${(e as Error).message}`);
    }
  } else if (options.toStderr) io.stderr(text);
  else io.stdout(text);

  const all = results.flatMap((r) => r.messages);
  if (all.some((m) => m.ruleId === "internal-error")) return EXIT.internal;
  const n = countMessages(all);
  const max = flags.maxWarnings ?? -1;
  if (n.errors > 0 || (max >= 0 && n.warnings > max)) {
    if (n.errors === 0 && flags.format === "stylish") io.stderr(`keepalived-lint: too many warnings (${n.warnings}, --max-warnings ${max})\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
}
