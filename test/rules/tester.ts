/**
 * RuleTester in ESLint's spirit: valid cases give no finding of the rule,
 * invalid cases give exactly the listed findings (line/column 1-based), and a
 * fixable finding's fix must produce `output`, re-parse without new reader
 * errors and be stable (fixing the output again changes nothing). Every fix
 * and suggestion also passes the no-behaviour-change check (behaviour.ts).
 */
import { expect, test } from "vitest";
import type { Diagnostic } from "../../grammar/ast.js";
import { memoryFiles } from "../../grammar/files.js";
import { SourceFile } from "../../grammar/source.js";
import { applyEdits } from "../../src/engine/fix.js";
import type { LintOptions } from "../../src/engine/linter.js";
import { lint } from "../../src/workspace/lint.js";
import type { Rule } from "../../src/engine/rule.js";
import { checkFixes } from "./behaviour.js";

export interface ExpectedError {
  /** Substring the message must contain. */
  message?: string | RegExp;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity?: Diagnostic["severity"];
}

export interface InvalidCase {
  name?: string;
  code: string;
  /** Extra files (absolute paths) for includes. */
  files?: Record<string, string>;
  options?: LintOptions;
  errors: ExpectedError[];
  /** Text after applying every fix of this rule; omit when no finding has a fix. */
  output?: string;
  /** A rule with fixable: true finds something here it cannot fix (text from a $DEFINITION or loop, or a file it cannot edit). */
  noFix?: boolean;
  /** Text after applying each suggestion alone, in finding order; omit when there are none. */
  suggestions?: string[];
}

export interface ValidCase {
  name?: string;
  code: string;
  files?: Record<string, string>;
  options?: LintOptions;
}

const MAIN = "/etc/keepalived/keepalived.conf";

function run(rule: Rule, code: string, files: Record<string, string> = {}, options: LintOptions = {}) {
  const fs = memoryFiles({ ...files, [MAIN]: code }, "/etc/keepalived");
  return lint(fs, [MAIN], { ...options, ruleSet: [rule] });
}

export function ruleTester(rule: Rule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }) {
  cases.valid.forEach((c, i) => {
    const vc = typeof c === "string" ? { code: c } : c;
    test(`${rule.meta.id} valid #${i + 1}${vc.name ? `: ${vc.name}` : ""}`, () => {
      const r = run(rule, vc.code, vc.files, vc.options);
      expect(r.diagnostics.filter((d) => d.ruleId === rule.meta.id).map((d) => d.message)).toEqual([]);
    });
  });
  cases.invalid.forEach((c, i) => {
    test(`${rule.meta.id} invalid #${i + 1}${c.name ? `: ${c.name}` : ""}`, () => {
      const r = run(rule, c.code, c.files, c.options);
      const mine = r.diagnostics.filter((d) => d.ruleId === rule.meta.id);
      expect(mine.length, mine.map((d) => d.message).join("\n")).toBe(c.errors.length);
      c.errors.forEach((e, k) => {
        const d = mine[k];
        const file = r.files.get(d.file) ?? new SourceFile(d.file, "");
        const s = file.position(d.start);
        const en = file.position(d.end);
        expect(s.line, d.message).toBe(e.line);
        if (e.column !== undefined) expect(s.column).toBe(e.column);
        if (e.endLine !== undefined) expect(en.line).toBe(e.endLine);
        if (e.endColumn !== undefined) expect(en.column).toBe(e.endColumn);
        if (e.severity !== undefined) expect(d.severity).toBe(e.severity);
        if (typeof e.message === "string") expect(d.message).toContain(e.message);
        else if (e.message) expect(d.message).toMatch(e.message);
      });
      // fixable: true promises a fix on every finding (the rules table says "yes"); otherwise it must say "some".
      if (rule.meta.fixable === true && !c.noFix) {
        expect(mine.filter((d) => !d.fix).map((d) => d.message), 'a finding without a fix: make meta.fixable "some" (or mark the case noFix when its text comes from a $DEFINITION or loop)').toEqual([]);
      }
      const offered = mine.flatMap((d) => d.suggestions ?? []);
      for (const sg of offered) {
        expect(sg.consequence, `suggestion "${sg.description}" must say its consequence`).toBeTruthy();
        expect(sg.changes?.length, `suggestion "${sg.description}" must declare what it changes`).toBeGreaterThan(0);
      }
      if (c.suggestions !== undefined) {
        expect(offered.map((sg) => applyEdits(c.code, sg.edits.filter((x) => x.file === MAIN)).text)).toEqual(c.suggestions);
      }
      const unsafe = checkFixes({ files: { ...c.files, [MAIN]: c.code }, main: MAIN, options: { ...c.options, ruleSet: [rule] } })
        .filter((k) => k.violations.length > 0)
        .map((k) => `${k.fix.description}: ${k.violations.join("; ")}`);
      expect(unsafe, "a fix changes more than it declares").toEqual([]);
      const edits = mine.flatMap((d) => (d.fix ? d.fix.edits.filter((x) => x.file === MAIN) : []));
      if (c.output === undefined) {
        expect(edits, "a finding has a fix: give `output`").toEqual([]);
        return;
      }
      expect(rule.meta.fixable, "rule reports fixes but meta.fixable is false").not.toBe(false);
      const fixed = applyEdits(c.code, edits).text;
      expect(fixed).toBe(c.output);
      expect(fixed).not.toBe(c.code);
      const again = run(rule, fixed, c.files, c.options);
      const readerErrorsBefore = r.readerDiagnostics.filter((d) => d.severity === "error").length;
      expect(again.readerDiagnostics.filter((d) => d.severity === "error").length).toBeLessThanOrEqual(readerErrorsBefore);
      const edits2 = again.diagnostics.filter((d) => d.ruleId === rule.meta.id).flatMap((d) => d.fix?.edits ?? []);
      expect(applyEdits(fixed, edits2.filter((x) => x.file === MAIN)).text, "fix is not stable").toBe(fixed);
    });
  });
}
