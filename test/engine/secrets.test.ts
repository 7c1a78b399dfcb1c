// Secrets never reach a finding, a diff or a code frame: scrubText replaces
// their values, maskSecrets blanks them in a file's text.
import { describe, expect, it } from "vitest";
import { maskSecrets, scrubText } from "../../src/engine/secrets.js";

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
