/**
 * Renders the template fixtures with the real engines (Debian packages:
 * python3-jinja2, ruby, ruby-mustache, golang-go; sed for sed-style
 * `{{VAR}}`) or, for EPP and Terraform, which Debian does not package, the
 * tiny renderers of tiny-render.ts.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderEpp, renderTerraform } from "./tiny-render.js";

export type Renderer = "jinja" | "go" | "erb" | "mustache" | "sed" | "epp" | "terraform";

const HERE = import.meta.dirname;

/** What each renderer needs installed; a missing one is named so the test can say why it is skipped. */
export function missingTools(renderers: Renderer[]): string[] {
  const missing = new Set<string>();
  const has = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: "ignore" }).status === 0;
  for (const r of renderers) {
    if (r === "jinja" && !has("python3", ["-c", "import jinja2"])) missing.add("python3-jinja2");
    if ((r === "erb" || r === "mustache") && !has("ruby", ["-e", "1"])) missing.add("ruby");
    if (r === "mustache" && !has("ruby", ["-rmustache", "-e", "1"])) missing.add("ruby-mustache");
    if (r === "go" && !has("go", ["version"])) missing.add("golang-go");
    if (r === "sed" && !has("sed", ["--version"])) missing.add("sed");
  }
  return [...missing];
}

/** Builds the Go renderer once into `dir` (the Go build cache keeps later runs fast). */
export function buildGoRenderer(dir: string): string {
  const bin = join(dir, "render-go");
  execFileSync("go", ["build", "-o", bin, join(HERE, "render.go")], { stdio: "pipe", env: { ...process.env, GO111MODULE: "off" } });
  return bin;
}

export function render(renderer: Renderer, template: string, values: Record<string, unknown>, dir: string, goBin?: string): string {
  const valuesFile = join(dir, "values.json");
  writeFileSync(valuesFile, JSON.stringify(values));
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  switch (renderer) {
    case "jinja":
      return run("python3", [join(HERE, "render_jinja.py"), template, valuesFile]);
    case "go":
      return run(goBin!, [template, valuesFile]);
    case "erb":
      return run("ruby", [join(HERE, "render_erb.rb"), template, valuesFile]);
    case "mustache":
      return run("ruby", [join(HERE, "render_mustache.rb"), template, valuesFile]);
    case "sed":
      // What container start scripts do: one s/{{NAME}}/value/g per variable.
      return run("sed", [...Object.entries(values).flatMap(([k, v]) => ["-e", `s|{{${k}}}|${String(v)}|g`]), template]);
    case "epp":
      return renderEpp(readFileSync(template, "utf8"), values);
    case "terraform":
      return renderTerraform(readFileSync(template, "utf8"), values);
  }
}
