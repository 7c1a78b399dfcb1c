/**
 * keepalived drops a virtual_server without real_server blocks ("Virtual
 * server X has no real servers - ignoring", check/check_parser.c), even when
 * it has a sorry_server: the service is not set up in IPVS at all.
 */
import { defineRule } from "../../src/engine/rule.js";
import { configHasConditionals, hasConditionalLines } from "../ha/helpers-facts.js";
import { vsLabel } from "./helpers-facts.js";

export default defineRule({
  meta: {
    id: "virtual-server-without-real-servers",
    severity: "error",
    category: "lvs",
    description: "A virtual_server without real_server blocks: keepalived ignores it",
    fixable: false,
    keepalivedRefuses: "always",
  },
  // One virtual server at a time: the editor keeps its verdict while the block is unchanged.
  virtualServer(vs, ctx) {
    // The real servers first: nearly every virtual server has some, and its block's record is then not made.
    if (vs.realServers.length > 0 || !vs.node.block || !vs.node.known || hasConditionalLines(vs.node, ctx.files, ctx.settings.configId)) return;
    // A ${NAME} set only under @id lines is left as written, and its braces open a block of their own.
    const header = ctx.files.get(vs.node.file)?.text.slice(vs.node.start, vs.node.block.open?.start ?? vs.node.end) ?? "";
    if (header.includes("$") && configHasConditionals(ctx.files, ctx.settings.configId)) return;
    ctx.report({
      at: vs.node.keyword,
      message: `${vsLabel(vs)} has no real_server: keepalived ignores the whole virtual server`,
      hint: "add at least one real_server block (a sorry_server alone is not enough)",
    });
  },
});
