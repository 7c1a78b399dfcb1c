// ownersOf: the main configurations an included file belongs to.
import { expect, test } from "vitest";
import { memoryFiles } from "../../grammar/files.js";
import { ownersOf } from "../../src/workspace/owners.js";

const files = memoryFiles({
  "/etc/keepalived/keepalived.conf": "include conf.d/*.conf\n",
  "/etc/keepalived/conf.d/vrrp.conf": "include scripts/check.conf\n",
  "/etc/keepalived/conf.d/scripts/check.conf": "vrrp_script chk { script /bin/true }\n",
  "/etc/keepalived/conf.d/keepalived.conf": "@lb2 include scripts/check.conf\n",
  "/etc/keepalived/conf.d/other/x.conf": "global_defs { }\n",
});

test("finds every keepalived.conf above that includes the file, nearest first", () => {
  expect(ownersOf(files, "/etc/keepalived/conf.d/scripts/check.conf", { configId: "lb2" })).toEqual([
    "/etc/keepalived/conf.d/keepalived.conf",
    "/etc/keepalived/keepalived.conf",
  ]);
});

test("@id lines are read with the settings' config id", () => {
  expect(ownersOf(files, "/etc/keepalived/conf.d/scripts/check.conf", { configId: "lb1" })).toEqual(["/etc/keepalived/keepalived.conf"]);
});

test("a main file and a file nobody includes have no owner", () => {
  expect(ownersOf(files, "/etc/keepalived/keepalived.conf")).toEqual([]);
  expect(ownersOf(files, "/etc/keepalived/conf.d/other/x.conf")).toEqual([]);
});

test("never looks above the top of a repository (a directory holding .git)", () => {
  const tree = (withGit: boolean) =>
    memoryFiles({
      "/srv/keepalived.conf": "include repo/conf.d/*.conf\n",
      "/srv/repo/keepalived/keepalived.conf": "include conf.d/*.conf\n",
      "/srv/repo/keepalived/conf.d/b.conf": "global_defs { }\n",
      "/srv/repo/conf.d/a.conf": "global_defs { }\n",
      ...(withGit ? { "/srv/repo/.git/HEAD": "ref: refs/heads/main\n" } : {}),
    });
  expect(ownersOf(tree(false), "/srv/repo/conf.d/a.conf")).toEqual(["/srv/keepalived.conf"]);
  expect(ownersOf(tree(true), "/srv/repo/conf.d/a.conf")).toEqual([]);
  // Inside the repository, its own main files are found as before.
  expect(ownersOf(tree(true), "/srv/repo/keepalived/conf.d/b.conf")).toEqual(["/srv/repo/keepalived/keepalived.conf"]);
});
