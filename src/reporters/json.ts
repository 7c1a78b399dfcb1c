/**
 * ESLint's JSON formatter shape, so tools that consume ESLint output (CI
 * annotators, dashboards) read ours unchanged. Severities map error→2,
 * warning and info→1 (ESLint has no third level).
 */
import { countMessages, type Formatter } from "./types.js";

export const json: Formatter = (results) => {
  const out = results.map((r) => {
    const severityOf = (s: string) => (s === "error" ? 2 : 1);
    const messages = r.messages.map((m) => ({
      ruleId: m.ruleId,
      severity: severityOf(m.severity),
      message: m.message,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      ...(m.fix && { fix: m.fix }),
      // ESLint's suggestion shape ({desc, fix}), plus what the suggestion changes.
      ...(m.suggestions && {
        suggestions: m.suggestions.map((s) => ({ desc: s.consequence ? `${s.description}: ${s.consequence}` : s.description, changes: s.changes, ...(s.fix && { fix: s.fix }) })),
      }),
      // Not in ESLint's shape, which tolerates extra fields: how to fix it, as stylish, SARIF and GitHub show.
      ...(m.hint !== undefined && { hint: m.hint }),
    }));
    const c = countMessages(r.messages);
    return {
      filePath: r.filePath,
      messages,
      errorCount: c.errors,
      warningCount: c.warnings + c.infos,
      fixableErrorCount: c.fixableErrors,
      fixableWarningCount: c.fixableWarnings,
    };
  });
  return JSON.stringify(out) + "\n";
};
