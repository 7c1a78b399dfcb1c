/**
 * The extension's client side as data: which files are keepalived's (the
 * manifest's patterns, matched the way VS Code matches them), which documents
 * go to the server, and the settings it gets. The wiring in extension.ts runs
 * in vsix.test.ts, under a stand-in for VS Code's API.
 */
import { describe, expect, it } from "vitest";
import { documentSelector, initializationOptions, serverModule, type ServerSettings } from "../../editors/vscode/src/client-options.js";
import { editorSettings } from "../../src/lsp/editor-settings.js";
import { manifest } from "./textmate.js";

/** VS Code's glob subset used by filenamePatterns: `**` any directories, `*` within a name. */
function globToRegExp(glob: string): RegExp {
  const re = glob
    .split(/(\*\*\/|\*)/)
    .map((part) => (part === "**/" ? "(?:.*/)?" : part === "*" ? "[^/]*" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${re}$`);
}

/** Our languages claiming `path`, as VS Code decides: a name in `filenames`, or a pattern (with a `/`: on the whole path). */
function languagesOf(path: string): string[] {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return manifest.contributes.languages
    .filter((l) => l.filenames?.includes(base) || l.filenamePatterns?.some((p) => globToRegExp(p).test(p.includes("/") ? path : base)))
    .map((l) => l.id);
}

describe("which files are keepalived's", () => {
  it.each([
    ["/etc/keepalived/keepalived.conf", "keepalived"],
    ["/home/me/keepalived.conf", "keepalived"],
    ["/srv/lb/keepalived-lb1.conf", "keepalived"],
    ["/srv/lb/keepalived_backup.conf", "keepalived"],
    ["/etc/keepalived/conf.d/vrrp.conf", "keepalived"],
    ["/etc/keepalived/conf.d/lvs/web.conf", "keepalived"],
    ["/repo/roles/keepalived/templates/keepalived.conf.j2", "keepalived-jinja"],
    ["/repo/roles/lb/templates/keepalived.conf.j2", "keepalived-jinja"],
    ["/repo/roles/keepalived/templates/vrrp.conf.jinja2", "keepalived-jinja"],
    ["/repo/keepalived.conf.jinja", "keepalived-jinja"],
    ["/repo/consul/keepalived.conf.tmpl", "keepalived-gotmpl"],
    ["/repo/keepalived.conf.gotmpl", "keepalived-gotmpl"],
    ["/repo/keepalived.conf.tpl", "keepalived-gotmpl"],
    ["/repo/keepalived.conf.mustache", "keepalived-gotmpl"],
    ["/repo/modules/keepalived/templates/vrrp_instance.erb", "keepalived-erb"],
    ["/repo/modules/keepalived/templates/globals.epp", "keepalived-erb"],
    ["/repo/modules/lb/templates/keepalived.conf.erb", "keepalived-erb"],
    ["/repo/terraform/keepalived.conf.tftpl", "keepalived-tftpl"],
    ["/repo/terraform/templates/keepalived/node.tftpl", "keepalived-tftpl"],
  ])("%s → %s", (path, language) => {
    expect(languagesOf(path)).toEqual([language]);
  });

  it.each(["/etc/nginx/nginx.conf", "/repo/roles/nginx/templates/nginx.conf.j2", "/etc/keepalived.d/x.txt", "/repo/templates/site.erb", "/etc/keepalived/notes.txt"])(
    "%s is not",
    (path) => {
      expect(languagesOf(path)).toEqual([]);
    },
  );

  it("first-line detection: a top-level block or a comment naming keepalived, never a #! line", () => {
    const firstLine = new RegExp(manifest.contributes.languages[0]!.firstLine!);
    for (const line of ["vrrp_instance VI_1 {", "global_defs {", "  virtual_server 10.0.0.1 80 {", "! Configuration File for keepalived", "# keepalived config for lb1"]) {
      expect(firstLine.test(line), line).toBe(true);
    }
    for (const line of ["#!/bin/sh", "#!/usr/bin/env keepalived-notify", "server {", "vrrp_instance_count=3", "# nginx config"]) {
      expect(firstLine.test(line), line).toBe(false);
    }
  });
});

describe("client options", () => {
  it("sends keepalived files and buffers to the server, templates included (the server lints them as templates)", () => {
    expect(documentSelector()).toEqual(
      ["keepalived", "keepalived-jinja", "keepalived-gotmpl", "keepalived-erb", "keepalived-tftpl"].flatMap((language) => [
        { scheme: "file", language },
        { scheme: "untitled", language },
      ]),
    );
  });

  it("starts the server bundled in the extension", () => {
    expect(serverModule("/ext")).toBe("/ext/dist/server.js");
  });

  it("passes every keepalived.* setting the manifest declares (but the client's own trace) to the server", () => {
    const declared = Object.keys(manifest.contributes.configuration.properties)
      .filter((k) => k !== "keepalived.trace.server")
      .map((k) => k.slice("keepalived.".length));
    const given: Record<string, unknown> = { targetVersion: "2.2.7", rules: { "unknown-keyword": "off" }, configId: "lb2", debounceMs: 50, templateEngine: "jinja" };
    const options = initializationOptions((key) => given[key]);
    expect(Object.keys(options).sort()).toEqual(declared.sort());
    // ... and the server reads them as given.
    // (the template engine reaches the lint options too: the server reads templates with it)
    expect(editorSettings(options)).toEqual({ lint: { targetVersion: "2.2.7", rules: { "unknown-keyword": "off" }, configId: "lb2", template: "jinja" }, debounceMs: 50, templateEngine: "jinja", problems: [] });
  });

  it("leaves out what is unset, so the project's file and the server's defaults apply", () => {
    const defaults: Record<string, unknown> = Object.fromEntries(
      Object.entries(manifest.contributes.configuration.properties).map(([k, v]) => [k.slice("keepalived.".length), v.default]),
    );
    expect(initializationOptions((key: keyof ServerSettings) => defaults[key])).toEqual({ targetVersion: "newest", debounceMs: 200, templateEngine: "auto" });
    expect(initializationOptions(() => undefined)).toEqual({});
    expect(initializationOptions((key) => (key === "rules" ? {} : ""))).toEqual({});
  });
});
