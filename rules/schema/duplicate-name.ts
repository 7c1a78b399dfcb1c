/**
 * Two objects of one kind with the same name. keepalived rejects a second
 * vrrp_instance, vrrp_sync_group, track_group or bfd_instance of the same
 * name ("already defined") and ignores it; for scripts, track files and
 * processes every reference finds the first one only, so the second is dead.
 */
import type { ConfigNode } from "../../grammar/ast.js";
import { allKeywords, keywordOf } from "../../grammar/schema/index.js";
import { defineRule } from "../../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "duplicate-name",
    severity: "error",
    category: "schema",
    description: "Two vrrp_instance, vrrp_script, virtual_server, … blocks with the same name",
    fixable: false,
  },
  create(ctx) {
    const seen = new Map<string, ConfigNode>();
    // Handlers by keyword name, not for every line: the editor runs this rule on the whole file after each edit.
    return { keywords: Object.fromEntries(NAMED.map((name) => [name, visit])) };
    function visit(node: ConfigNode) {
      if (node.kind !== "keyword" || !node.known) return;
      // Only lines that name an object are looked at (their args are read only then).
      const spec = keywordOf(node);
      if (!spec?.defines && node.name !== "virtual_server" && node.name !== "real_server") return;
      if (node.args.length === 0) return;
      let key: string | undefined;
      let what: string;
      if (spec?.defines) {
        // vrrp_track_file and track_file name the same kind of object.
        key = `${spec.defines}\0${node.args[0]!.text}`;
        what = `${node.name} "${node.args[0]!.text}"`;
      } else if (node.name === "virtual_server" || node.name === "real_server") {
        const scope = node.name === "real_server" ? `${node.parent?.start ?? 0}` : "";
        // The same address and port with another protocol is another service (DNS over TCP and UDP).
        const protocol = node.children.find((c) => c.name === "protocol")?.args[0]?.text.toUpperCase() ?? "";
        key = `${node.name}\0${scope}\0${node.args.map((a) => a.text).join(" ")}\0${protocol}`;
        what = `${node.name} ${node.args.map((a) => a.text).join(" ")}`;
      } else return;
      const earlier = seen.get(key);
      if (!earlier) {
        seen.set(key, node);
        return;
      }
      const line = ctx.files.get(earlier.file)?.position(earlier.start).line;
      const where = line !== undefined && earlier.file === node.file ? `line ${line}` : earlier.file;
      ctx.report({
        at: node.args[0]!,
        message: `${what} is already defined on ${where}; keepalived ${effect(node.name)}`,
        hint: "rename one of them, or merge them into one block",
        related: [{ span: earlier.args[0]!, message: "first defined here" }],
        ...(node.name === "virtual_server" && { severity: "warning" as const }),
      });
    }
  },
});

/** The keywords that may name an object (the schema's `defines`), and virtual_server and real_server. */
const NAMED = [...new Set([...allKeywords().filter((k) => k.defines).map((k) => k.name), "virtual_server", "real_server"])];

function effect(keyword: string): string {
  switch (keyword) {
    case "vrrp_instance":
    case "vrrp_sync_group":
    case "track_group":
    case "bfd_instance":
      return "reports it and ignores the second block";
    case "real_server":
      return "removes the second real_server";
    case "virtual_server":
      return "does not report it, but IPVS holds one service per address, port and protocol, so the two blocks configure the same service";
    default:
      return "resolves every reference to the first one, so the second is never used";
  }
}
