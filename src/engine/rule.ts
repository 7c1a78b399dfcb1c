/**
 * The rule API. A rule is one file under rules/ exporting `defineRule({ meta, create })`
 * (or `check`, for a rule that walks the configuration itself). `create` returns
 * the handlers the engine calls during its one walk of the tree; both read the
 * configuration keepalived would load (ctx.ast, ctx.model()) and report on the
 * text the user wrote; fixes are text edits (see fix.ts).
 */
import type { ConfigAst, ConfigNode, Diagnostic, Fix, Severity, Span, Via, WalkedLine } from "../../grammar/ast.js";
import type { TargetVersion } from "../../grammar/reader.js";
import type { SourceFile } from "../../grammar/source.js";
import type { ClusterGroup, ClusterNode } from "../cluster/groups.js";
import type { ConfigModel, VirtualServer, VrrpInstance } from "../model/model.js";

export type Category = "syntax" | "schema" | "correctness" | "ha" | "lvs" | "security" | "compat" | "style" | "cluster";

export interface RuleMeta {
  /** Stable kebab-case id; also the docs file name: docs/rules/<id>.md. */
  id: string;
  severity: Severity;
  category: Category;
  /** One line: what the rule finds. */
  description: string;
  /**
   * Does --fix fix what the rule finds? true: every finding carries a safe
   * fix (unless its text comes from a $DEFINITION or loop, which a fix
   * cannot edit); "some": only some kinds of finding do (the rule's page
   * says which); false: none.
   */
  fixable: boolean | "some";
  /** Reader findings with this id are reported through this rule (syntax rules). */
  fromReader?: boolean;
  /** Does the rule offer suggestions (fixes an editor offers but --fix never applies)? The engine refuses undeclared ones. */
  hasSuggestions?: boolean;
  /**
   * The finding's truth depends on the other nodes of the cluster (it says so
   * in its message); where cluster data is there, the cluster rules' verdict
   * replaces it (src/cluster/lint.ts, ClusterResult.superseded).
   */
  dependsOnPeers?: boolean;
  /**
   * Does `keepalived -t` exit non-zero on what this rule finds (for reasons
   * that do not depend on the host)? "always": on every finding; "some": only
   * on findings that say so (Report.refusedByKeepalived). Drives
   * --exit-like-keepalived; the rule table (docs/rules/README.md) shows them.
   */
  keepalivedRefuses?: "always" | "some";
  /** Reported by the engine itself, after suppression comments are applied (the rule has no check). */
  fromEngine?: boolean;
  /** The keepalived releases where what the rule finds happens; the rule does not run for other targets. */
  targetVersions?: { since?: string; until?: string };
  /**
   * What a finding depends on. "block": only the top-level block it is in
   * (its lines, words and reader findings, and ctx.repeatsName of it; no
   * other block, no line number and no model): the editor re-runs the rule only on the blocks an edit
   * touched and keeps the other blocks' findings. "file" (the default, so
   * that a forgotten declaration is only slower, never wrong): anything in
   * the configuration. test/engine/incremental.test.ts holds every
   * block-scoped rule to it.
   */
  scope?: "block" | "file";
}

export interface LintSettings {
  /** keepalived release the configuration is for, as normalizeVersion() gives it (the engine fills in the newest release). */
  targetVersion: TargetVersion;
  /** Config id that selected `@id` lines. */
  configId?: string;
  /**
   * Directories that are symbolic links on the target host (path → where it
   * points), e.g. merged-/usr's /bin → /usr/bin. Data, so that rules need no
   * file system; the engine fills in MERGED_USR_LINKS.
   */
  symlinkedDirs: Readonly<Record<string, string>>;
}

/** The links of a merged-/usr distribution (Debian 12+, Ubuntu, RHEL 9+, Fedora, Arch …): the default of symlinkedDirs. */
export const MERGED_USR_LINKS: Readonly<Record<string, string>> = { "/bin": "/usr/bin", "/sbin": "/usr/sbin", "/lib": "/usr/lib", "/lib64": "/usr/lib64" };

export interface Report {
  at: Span & { via?: Via[] };
  message: string;
  hint?: string;
  fix?: Fix;
  suggestions?: Fix[];
  related?: { span: Span; message: string }[];
  /** Overrides the rule's default severity for this finding (e.g. a softer variant). */
  severity?: Severity;
  /** For rules with keepalivedRefuses "some": does `keepalived -t` exit non-zero on this finding? */
  refusedByKeepalived?: boolean;
}

export interface RuleContext {
  readonly ast: ConfigAst;
  readonly files: ReadonlyMap<string, SourceFile>;
  /** Findings of the reader (syntax, includes, definitions). */
  readonly readerDiagnostics: readonly Diagnostic[];
  readonly settings: LintSettings;
  /** The semantic model (instances, scripts, groups, virtual servers), built once per lint. */
  model(): ConfigModel;
  /**
   * Is `node` a top-level block of one word (`vrrp_instance VI_1 { … }`)
   * whose keyword and word an earlier top-level block already has? keepalived
   * skips such a second block for some names. The engine answers it, and
   * knows the answer as a block-scoped rule's dependency: the editor runs
   * such a rule on a block again when the answer for the block changes.
   */
  repeatsName(node: ConfigNode): boolean;
  report(r: Report): void;
}

/** What a cluster rule sees: every node's lint result and the matched VRRP groups. */
export interface ClusterContext {
  readonly nodes: readonly ClusterNode[];
  readonly groups: readonly ClusterGroup[];
  readonly settings: LintSettings;
  report(r: Report): void;
}

/**
 * What a rule asks of the engine's one walk of the tree (ESLint's visitors,
 * actionlint's Visit*): handlers by keyword name, a handler for every line,
 * and one after the walk. Lines come in document order, each before its
 * children, as keepalived reads them.
 */
export interface Visitors {
  /**
   * Every line (keyword lines and entries of value blocks), read in place:
   * what a rule that looks at every line should take, since `line.node` is
   * made only when asked for (see WalkedLine). The line is valid only during
   * the call.
   */
  line?(line: WalkedLine): void;
  /** Every line, as its ConfigNode (made for every line: a large configuration pays for each). */
  node?(node: ConfigNode): void;
  /** Lines whose name is the key: `{ virtual_server(node) { … } }`. */
  keywords?: Readonly<Record<string, (node: ConfigNode) => void>>;
  /** After the walk (cross-block checks on what the handlers gathered). */
  end?(): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Checks one configuration by walking it itself (every rule but cluster rules). */
  check?(ctx: RuleContext): void;
  /** Checks one configuration during the engine's one walk: returns the handlers to call. */
  create?(ctx: RuleContext): Visitors;
  /**
   * Checks one VRRP instance of the model, for a rule whose findings on it
   * depend on that instance alone: its block's lines and what the model put
   * in it, but no other block, no sync group (the model sets it anew each
   * time) and no line number. The engine calls it for every instance, all
   * such rules in one pass; the editor keeps an instance's findings while
   * the model keeps the instance (ModelCache: the same block under the same
   * global settings) and calls it only for instances new since its last
   * lint. A finding that reaches outside the instance's block is not kept.
   * test/engine/incremental.test.ts holds these rules to a whole lint.
   */
  instance?(inst: VrrpInstance, ctx: RuleContext): void;
  /** As `instance`, for one virtual server of the model. */
  virtualServer?(vs: VirtualServer, ctx: RuleContext): void;
  /** Checks several node configurations together (`keepalived-lint cluster`). */
  checkCluster?(ctx: ClusterContext): void;
  /**
   * A block-scoped rule's facts about some top-level blocks, for
   * acrossBlocks: handlers for the engine's walk, and what they found when it
   * is over. The editor gathers them when it reads a block and keeps them
   * with it. Facts may hold the tree's nodes and words (they move with their
   * block), not positions.
   */
  gather?(ctx: RuleContext): Visitors & { facts(): unknown };
  /**
   * The part of a block-scoped rule that looks across top-level blocks, run
   * on the whole configuration after the block part (check/create): the
   * editor runs it after every edit, so it should read the top level and
   * `gathered` (gather's facts of every block, in reading order), not walk
   * every line.
   */
  acrossBlocks?(ctx: RuleContext, gathered: readonly unknown[]): void;
  /**
   * Do two blocks' facts lead acrossBlocks to the same verdict wherever the
   * blocks are (the same names in the same order, say; not positions)?
   * Optional: with it, the editor skips acrossBlocks after an edit whose
   * blocks' facts are the same as before when the last verdict found
   * nothing (typing inside a block that defines and names nothing new).
   * test/engine/incremental.test.ts holds such rules to a full lint.
   */
  sameFacts?(a: unknown, b: unknown): boolean;
}

/**
 * Stands in a message for "line N" of related[i]'s span, filled in when the
 * findings are finished (finishFindings): a block-scoped rule's finding is
 * kept while lines above its block come and go. `otherwise` is said when the
 * line cannot be told (no such file).
 */
export function lineOfRelated(i: number, otherwise: string): string {
  return `\u0000line-of-related ${i} ${otherwise}\u0000`;
}

const STAND_IN = "\u0000line-of-related ";

/**
 * The finding with lineOfRelated()'s stand-ins filled in from `lineOf`. A
 * scan rather than a regular expression with a callback: the editor fills in
 * thousands per edit at 50,000 lines (duplicate-vrid), and this is 3-4x
 * faster. A stand-in that is not well formed (a message with a NUL of the
 * user's) is left as it is.
 */
export function withRelatedLines(d: Diagnostic, lineOf: (file: string, offset: number) => number | undefined): Diagnostic {
  const msg = d.message;
  let at = msg.indexOf(STAND_IN);
  if (at < 0) return d;
  let out = "";
  let from = 0;
  while (at >= 0) {
    const body = at + STAND_IN.length;
    const close = msg.indexOf("\u0000", body);
    const space = close < 0 ? -1 : msg.indexOf(" ", body);
    // `<index> <otherwise>`: the index's digits run up to the space.
    let i = 0;
    let digit = body;
    while (digit < space && msg.charCodeAt(digit) >= 48 && msg.charCodeAt(digit) <= 57) i = i * 10 + msg.charCodeAt(digit++) - 48;
    if (space < 0 || space > close || digit !== space || space === body) {
      at = msg.indexOf(STAND_IN, at + 1);
      continue;
    }
    const span = d.related?.[i]?.span;
    const line = span && lineOf(span.file, span.start);
    out += msg.slice(from, at) + (line !== undefined ? `line ${line}` : msg.slice(space + 1, close));
    from = close + 1;
    at = msg.indexOf(STAND_IN, from);
  }
  return from === 0 ? d : { ...d, message: out + msg.slice(from) };
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Docs path of a rule, relative to the package root. */
export function docsPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/** A rule's report as a finding: the configured severity wins over the report's, which wins over the rule's default. */
export function findingOf(meta: RuleMeta, configured: Severity | undefined, r: Report): Diagnostic {
  // Assigned one by one rather than spread from optional objects: a large file's lint makes thousands of findings.
  const d: Diagnostic = { ruleId: meta.id, severity: configured ?? r.severity ?? meta.severity, message: r.message, file: r.at.file, start: r.at.start, end: r.at.end };
  if (r.hint !== undefined) d.hint = r.hint;
  if (r.fix !== undefined) d.fix = r.fix;
  if (r.suggestions !== undefined) d.suggestions = r.suggestions;
  // Spans alone: a related span may be a node or word of the tree, which a finding must not hold
  // (the editor keeps findings of blocks and moves copies; the tree moves on its own).
  if (r.related !== undefined) d.related = r.related.map(({ span, message }) => ({ span: { file: span.file, start: span.start, end: span.end }, message }));
  if (r.at.via !== undefined) d.via = r.at.via;
  if (refuses(meta, r)) d.refusedByKeepalived = true;
  return d;
}

function refuses(meta: RuleMeta, r: Report): boolean {
  return meta.keepalivedRefuses === "always" || (meta.keepalivedRefuses === "some" && r.refusedByKeepalived === true);
}
