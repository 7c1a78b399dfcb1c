/**
 * SARIF 2.1.0 for GitHub code scanning and other static-analysis dashboards.
 * Paths under the repository root are written relative to %SRCROOT% (the
 * repository checkout in CI), so alerts land on the right files. Each rule
 * carries its documentation page inline (help.markdown), and a link to it
 * only when the package names its repository.
 */
import type { Formatter } from "./types.js";

const SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

export const sarif: Formatter = (results, ctx) => {
  const level = (s: string) => (s === "error" ? "error" : s === "warning" ? "warning" : "note");
  const metas = new Map(ctx.rules.map((r) => [r.id, r]));
  // Findings can carry ids that are not rules (unused-disable-directive, internal-error): list those too.
  const ids = [...new Set([...ctx.rules.map((r) => r.id), ...results.flatMap((r) => r.messages.map((m) => m.ruleId))])];
  const index = new Map(ids.map((id, i) => [id, i]));
  const rules = ids.map((id) => {
    const meta = metas.get(id);
    const helpUri = meta ? ctx.helpUri(id) : undefined;
    const page = meta ? ctx.ruleDoc?.(id) : undefined;
    return {
      id,
      shortDescription: { text: meta?.description ?? id },
      ...(page !== undefined && { fullDescription: { text: introOf(page) ?? meta!.description }, help: { text: page, markdown: page } }),
      ...(helpUri !== undefined && { helpUri }),
      defaultConfiguration: { level: level(meta?.severity ?? "warning") },
      properties: { ...(meta && { category: meta.category, fixable: meta.fixable }), tags: meta ? [meta.category] : [] },
    };
  });
  const sarifResults = results.flatMap((r) => {
    const artifactLocation =
      r.rootPath !== undefined
        ? { uri: r.rootPath.split("/").map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" }
        : { uri: r.fileUri ?? encodeURI(r.filePath) };
    return r.messages.map((m) => ({
      ruleId: m.ruleId,
      ruleIndex: index.get(m.ruleId) ?? 0,
      level: level(m.severity),
      message: { text: m.hint ? `${m.message}\n${m.hint}` : m.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation,
            region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: Math.max(m.endColumn, m.endLine === m.line ? m.column : 1) },
          },
        },
      ],
      // SARIF's replacement model: offsets count UTF-16 code units, as declared by the run's columnKind.
      // SARIF has one list of proposed fixes: the safe fix first, then the suggestions, each saying what it changes.
      ...((m.fix || m.suggestions?.some((sg) => sg.fix)) && {
        fixes: [
          ...(m.fix ? [sarifFix(m.fixDescription ?? "safe fix (applied by --fix)", m.fix, artifactLocation)] : []),
          ...(m.suggestions ?? []).flatMap((sg) => (sg.fix ? [sarifFix(`suggestion (changes ${sg.changes.join(", ") || "behaviour"}; applied only with --unsafe-fixes): ${sg.description}${sg.consequence ? `: ${sg.consequence}` : ""}`, sg.fix, artifactLocation)] : [])),
        ],
      }),
    }));
  });
  const log = {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "keepalived-lint", version: ctx.toolVersion, ...(ctx.informationUri !== undefined && { informationUri: ctx.informationUri }), rules } },
        originalUriBaseIds: { "%SRCROOT%": { uri: ctx.rootUri } },
        // Our columns count UTF-16 code units (as editors do); SARIF's default would be code points.
        columnKind: "utf16CodeUnits",
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
};

function sarifFix(text: string, fix: { range: [number, number]; text: string }, artifactLocation: object) {
  return {
    description: { text },
    artifactChanges: [
      { artifactLocation, replacements: [{ deletedRegion: { charOffset: fix.range[0], charLength: fix.range[1] - fix.range[0] }, insertedContent: { text: fix.text } }] },
    ],
  };
}

/** A rule page's first paragraph after its title, as plain text. */
function introOf(page: string): string | undefined {
  const para = page.replace(/^#[^\n]*\n+/, "").split(/\n\s*\n/)[0]?.trim();
  return para ? para.replace(/\s*\n\s*/g, " ") : undefined;
}
