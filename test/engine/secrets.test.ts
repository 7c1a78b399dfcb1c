// Secrets never reach a finding, a diff or a code frame: scrubText replaces
// their values, maskSecrets blanks them in a file's text.
import { describe, expect, it } from "vitest";
import { maskSecrets, scrubText, secretsOf } from "../../src/engine/secrets.js";
import { parseText } from "../../grammar/reader.js";
import { incrementalLint, lintText } from "../../src/workspace/lint.js";
import { defineRule } from "../../src/engine/rule.js";

const secret = (text: string, start = 0, file = "/k.conf") => ({ text, file, start, end: start + text.length });

describe("scrubText", () => {
  it("replaces a value of four characters or more wherever it occurs", () => {
    expect(scrubText('auth_pass "hunter22" and xhunter22x', [secret("hunter22")])).toBe('auth_pass "<secret of 8 characters>" and x<secret of 8 characters>x');
  });

  it("replaces a shorter value only as a whole word (no letter, digit, _ or - next to it)", () => {
    expect(scrubText("abc abcd xabc abc-d _abc (abc) abc", [secret("abc")])).toBe("<secret of 3 characters> abcd xabc abc-d _abc (<secret of 3 characters>) <secret of 3 characters>");
  });

  it("replaces a secret containing another one whole", () => {
    expect(scrubText("pass secret1234 and secret", [secret("secret"), secret("secret1234")])).toBe("pass <secret of 10 characters> and <secret of 6 characters>");
  });

  it("leaves its own replacements alone, even for a secret that is a word of them", () => {
    expect(scrubText("of hunter22", [secret("of"), secret("hunter22")])).toBe("<secret of 2 characters> <secret of 8 characters>");
  });

  it("is the text itself without secrets", () => {
    expect(scrubText("nothing here", [])).toBe("nothing here");
    expect(scrubText("nothing here", [secret("absent")])).toBe("nothing here");
  });
});

describe("maskSecrets", () => {
  it("blanks each secret of the file with asterisks of its length, and only the file's", () => {
    const text = "auth_pass hunter22\nauth_pass abc\n";
    const secrets = [secret("abc", 29), secret("hunter22", 10), secret("other", 0, "/other.conf"), secret("past-the-end", 100)];
    expect(maskSecrets(text, "/k.conf", secrets)).toBe("auth_pass ********\nauth_pass ***\n");
  });
});

describe("a lint's findings", () => {
  // The value of auth_pass written again as a keyword: unknown-keyword names it, and the report must not.
  const config = [
    "vrrp_instance VI_1 {", "  state BACKUP", "  interface eth0", "  virtual_router_id 1", "  priority 100",
    "  authentication {", "    auth_type PASS", "    auth_pass hunter2hunter2", "  }",
    "  virtual_ipaddress {", "    10.0.0.1/24", "  }", "  hunter2hunter2 1", "}",
  ].join("\n") + "\n";

  it("never carry a secret, from a full lint and from the editor's after an edit", () => {
    const full = lintText(config, "/etc/keepalived/keepalived.conf");
    const unknown = full.diagnostics.find((d) => d.ruleId === "unknown-keyword");
    expect(unknown?.message).toContain('"<secret of 14 characters>"');
    const editor = incrementalLint("/etc/keepalived/keepalived.conf");
    editor.update(config);
    const edited = editor.update(config.replace("  priority 100", "  priority 101"));
    for (const result of [full, edited]) {
      expect(result.diagnostics.length).toBeGreaterThan(0);
      for (const d of result.diagnostics) expect(JSON.stringify(d)).not.toContain("hunter2hunter2");
    }
  });

  it("never carry a secret in a fix, a suggestion or a related message, whatever the message says", () => {
    // One finding per place a secret can hide, each with a clean message (a scrubber that looked at the
    // message alone would pass them through).
    const echoing = defineRule({
      meta: { id: "test-echoing", description: "repeats the password", severity: "warning", category: "security", fixable: true, hasSuggestions: true },
      instance(inst, ctx) {
        const k = inst.node.keyword;
        const secret = "hunter2hunter2";
        const edits = [{ file: k.file, start: k.start, end: k.start, text: "" }];
        ctx.report({ at: k, message: "fix", fix: { description: `use ${secret}`, edits } });
        ctx.report({ at: k, message: "suggestion", suggestions: [{ description: "change it", consequence: `no more ${secret}`, edits }] });
        ctx.report({ at: k, message: "related", related: [{ span: k, message: `was ${secret}` }] });
      },
    });
    const path = "/etc/keepalived/keepalived.conf";
    const full = lintText(config, path, { ruleSet: [echoing] });
    const editor = incrementalLint(path, { ruleSet: [echoing] });
    editor.update(config);
    const edited = editor.update(config.replace("  priority 100", "  priority 101"));
    for (const result of [full, edited]) {
      expect(result.diagnostics.map((d) => d.message).sort()).toEqual(["fix", "related", "suggestion"]);
      for (const d of result.diagnostics) {
        expect(JSON.stringify(d)).not.toContain("hunter2hunter2");
        expect(JSON.stringify(d)).toContain("<secret of 14 characters>");
      }
    }
  });
});

describe("secretsOf", () => {
  // Every kind of secret keyword, in blocks and nested blocks, with lines around that hold none.
  const config = [
    "global_defs {", "  router_id auth_pass", "}",
    "vrrp_instance VI_1 {", "  authentication {", "    auth_type PASS", "    auth_pass first1", "  }",
    "  auth_hmac {", "    key 1 hmac-one", "    key 2 hmac-two extra", "  }", "}",
    "vrrp_instance VI_2 {", "  authentication {", "    auth_pass second2", "  }", "}",
    "SSL {", "  password ssl-pass", "}",
    "virtual_server 10.0.0.1 80 {", "  real_server 10.0.0.2 80 {", "    auth_pass not-a-secret-here", "  }", "}",
  ].join("\n") + "\n";

  it("finds every secret argument in reading order, whether a rule's walk gathered them or not", () => {
    const expected = ["first1", "hmac-one", "hmac-two", "extra", "second2", "ssl-pass"];
    // No lint has walked this parse: secretsOf walks it itself.
    const alone = secretsOf(parseText(config, "/k.conf").ast);
    expect(alone.map((s) => s.text)).toEqual(expected);
    for (const s of alone) expect(config.slice(s.start, s.end)).toBe(s.text);
    // After a full lint, the list its walk gathered is the same.
    const linted = lintText(config, "/k.conf");
    expect(secretsOf(linted.ast)).toEqual(alone);
  });
});
