// The pre-commit hooks' default `files` pattern takes keepalived configs and
// templates named like them, and leaves other templates alone.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test } from "vitest";

const hooks = readFileSync(resolve(import.meta.dirname, "../../.pre-commit-hooks.yaml"), "utf8");
const patterns = [...hooks.matchAll(/^\s*files: '(.*)'$/gm)].map((m) => new RegExp(m[1]));

test("every hook uses one pattern", () => {
  expect(patterns).toHaveLength(3);
  expect(new Set(patterns.map((p) => p.source)).size).toBe(1);
});

test.each([
  "keepalived.conf",
  "etc/keepalived/keepalived.conf",
  "roles/lb/templates/keepalived.conf.j2",
  "templates/keepalived.j2",
  "templates/keepalived.conf.tmpl",
  "roles/keepalived/templates/vrrp_instance.j2",
  "modules/keepalived/templates/vrrp_instance.erb",
  "modules/keepalived/templates/keepalived.conf.epp",
  "charts/keepalived/files/keepalived.conf.gotmpl",
  "docker/keepalived/keepalived.conf.mustache",
  "terraform/keepalived/keepalived.conf.tftpl",
])("matches %s", (path) => {
  expect(patterns[0].test(path)).toBe(true);
});

test.each(["roles/nginx/templates/nginx.conf.j2", "templates/haproxy.cfg.j2", "app/views/index.html.erb", "README.md"])("leaves %s alone", (path) => {
  expect(patterns[0].test(path)).toBe(false);
});
