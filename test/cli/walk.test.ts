// The recursive walk's .gitignore handling, checked against git itself: the
// configs the walk finds must be exactly the untracked, not-ignored config
// files `git ls-files --others --exclude-standard` lists (minus what the walk
// skips on purpose: templates, backups, node_modules).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { walkConfigs } from "../../src/cli/walk.js";
import { nodeFiles } from "../../src/node/files.js";

const hasGit = spawnSync("git", ["--version"]).status === 0;

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "kl-walk-"));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  spawnSync("git", ["init", "-q"], { cwd: dir });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const gitSees = (dir: string) =>
  spawnSync("git", ["ls-files", "--others", "--exclude-standard"], { cwd: dir, encoding: "utf8" })
    .stdout.split("\n")
    .filter((p) => p.endsWith(".conf"))
    .sort();

const walked = (dir: string, from = dir) => walkConfigs(nodeFiles(), from, { top: dir, maxFiles: 1000 }).map((p) => relative(dir, p));

describe.skipIf(!hasGit)("walkConfigs and .gitignore, against git", () => {
  const files: Record<string, string> = {
    ".gitignore": ["# comment", "build/", "*.gen.conf", "!keep.gen.conf", "/rooted.conf", "deep/**/x.conf", "a/**", "!a/", "logs", "\\#hash.conf", "sp\\ ace.conf", "[bc]-*.conf"].join("\n") + "\n",
    "sub/.gitignore": "local.conf\n!rooted.conf\n",
  };
  const paths = [
    "main.conf", "build/out.conf", "src/build/out.conf", "x.gen.conf", "n/keep.gen.conf", "n/y.gen.conf", "rooted.conf", "sub/rooted.conf",
    "deep/x.conf", "deep/m/n/x.conf", "deep/m/y.conf", "a/one.conf", "logs/l.conf", "n/logs", "#hash.conf", "sp ace.conf", "b-1.conf", "d-1.conf",
    "sub/local.conf", "sub/other.conf", "other/local.conf",
  ];
  for (const p of paths) files[p] = "global_defs {\n}\n";
  const dir = repo(files);

  it("finds exactly the configs git does not ignore", () => {
    const expected = gitSees(dir);
    // The case list must exercise both verdicts.
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.length).toBeLessThan(paths.length - 5);
    expect(walked(dir)).toEqual(expected);
  });

  it("the .gitignore files above the walked directory apply too", () => {
    expect(walked(dir, join(dir, "sub"))).toEqual(gitSees(dir).filter((p) => p.startsWith("sub/")));
  });
});

describe("walkConfigs skips what is never a config to lint", () => {
  const dir = repo({
    "k/keepalived.conf": "",
    "k/keepalived.conf.j2": "",
    "k/keepalived.conf.vrrp": "",
    "k/x.conf.bak": "",
    "k/x.conf~": "",
    "node_modules/p/x.conf": "",
    ".git/x.conf": "",
    "k/notes.txt": "",
  });

  it("templates, backups, node_modules and .git are skipped; templates can be asked for", () => {
    expect(walked(dir)).toEqual(["k/keepalived.conf", "k/keepalived.conf.vrrp"]);
    expect(walkConfigs(nodeFiles(), dir, { top: dir, maxFiles: 10, templates: true }).map((p) => relative(dir, p))).toEqual(["k/keepalived.conf", "k/keepalived.conf.j2", "k/keepalived.conf.vrrp"]);
  });

  it("stops at the file cap", () => {
    expect(walkConfigs(nodeFiles(), dir, { top: dir, maxFiles: 1 })).toHaveLength(1);
  });
});
