import type { ConfigNode } from "../../grammar/ast.js";
import { memoryFiles } from "../../grammar/files.js";
import { parseText, readConfig, type ReaderOptions } from "../../grammar/reader.js";

/** Words of every logical line, keepalived-style: `<a> <b>` per node, nested with "/". */
export function lines(text: string, options: ReaderOptions = {}): string[] {
  const out: string[] = [];
  const walk = (nodes: ConfigNode[]) => {
    for (const n of nodes) {
      out.push([n.keyword, ...n.args].map((w) => `<${w.text}>`).join(" "));
      walk(n.children);
    }
  };
  walk(parseText(text, "/etc/keepalived/keepalived.conf", options).ast.children);
  return out;
}

/** Lines inside `global_defs { … }` (the setting the grammar reference used for its vectors). */
export function globalLine(line: string, options: ReaderOptions = {}): string[] {
  return lines(`global_defs {\n${line}\n}\n`, options).slice(1);
}

export function ids(text: string, options: ReaderOptions = {}): string[] {
  return parseText(text, "/k.conf", options).diagnostics.map((d) => d.ruleId);
}

export function readFiles(files: Record<string, string>, main: string, options: ReaderOptions = {}) {
  return readConfig(memoryFiles(files, "/"), [main], options);
}
