import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ConfigNode } from "../../grammar/ast.js";
import { parseText } from "../../grammar/reader.js";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SAMPLES_DIR = "/usr/share/doc/keepalived/samples";
export const CORPUS_DIR = resolve(repoRoot, "../shared/corpus/keepalived-devel-tools/configs");
export const CONFIG_ID = "lint-test";

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) return walk(p);
      return st.isFile() ? [p] : [];
    });
}

/** The keepalived sample configurations (shell scripts and archives left out). */
export function sampleFiles(): string[] {
  return walk(SAMPLES_DIR).filter((p) => /keepalived\.conf/.test(p) && !p.endsWith(".gz"));
}

export function corpusFiles(): string[] {
  return walk(CORPUS_DIR);
}

export function relativeName(file: string): string {
  return file.startsWith(CORPUS_DIR) ? "corpus/" + relative(CORPUS_DIR, file) : relative(SAMPLES_DIR, file);
}

/** UTF-8 text of a file, or undefined when it is not valid UTF-8 (decoding would change its bytes). */
export function readUtf8(file: string): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(readFileSync(file));
  } catch {
    return undefined;
  }
}

/** Latin-1 view of a file: one char per byte, so any file survives a round trip. */
export function readBytes(file: string): string {
  return readFileSync(file, "latin1");
}

interface NodeProjection {
  kind: string;
  name: string;
  context: string;
  known: boolean;
  args: string[];
  rest: string;
  block?: string;
  children: NodeProjection[];
}

function projectNode(n: ConfigNode): NodeProjection {
  return {
    kind: n.kind,
    name: n.name,
    context: n.context,
    known: n.known,
    args: n.args.map((w) => (w.quoted ? `"${w.text}"` : w.text)),
    // keepalived's script reader re-reads this text; blank runs outside quotes do not matter to it
    rest: n.rest.replace(/[ \t]+/g, " ").trim(),
    block: n.block ? `${n.block.kind}:${n.block.childContext}:${n.block.open ? "{" : ""}${n.block.close ? "}" : ""}` : undefined,
    children: n.children.map(projectNode),
  };
}

/** What keepalived reads from a text, positions aside. */
export function projection(text: string) {
  const r = parseText(text, "/etc/keepalived/keepalived.conf", { configId: CONFIG_ID, template: "off" });
  return {
    nodes: r.ast.children.map(projectNode),
    definitions: r.ast.definitions.map((d) => ({ name: d.name, value: d.value, multiline: d.multiline })),
    includes: r.ast.includes.map((i) => `${i.keyword} ${i.pattern}`),
    diagnostics: r.diagnostics.map((d) => d.ruleId).sort(),
  };
}
