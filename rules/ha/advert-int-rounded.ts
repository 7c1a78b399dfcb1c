/**
 * VRRPv2 adverts carry the interval in whole seconds, VRRPv3 in centiseconds:
 * keepalived rounds other values ("VRRPv2 advertisement interval … must be an
 * integer. rounding", "… must be in units of 10ms - rounding", vrrp.c), and the
 * timers then differ from what the configuration says.
 */
import { defineRule } from "../../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "advert-int-rounded",
    severity: "warning",
    category: "ha",
    description: "advert_int not a whole second (VRRPv2) or not a multiple of 10 ms (VRRPv3): keepalived rounds it",
    fixable: false,
    keepalivedRefuses: "always",
  },
  instance(inst, ctx) {
    const node = inst.settings.get("advert_int");
    const word = node?.args[0];
    if (!word || !/^\d+(\.\d+)?$/.test(word.text)) return;
    const value = Number(word.text);
    if (!(value > 0) || value > 255) return;
    const version = inst.version;
    const millis = Math.round(value * 1000);
    if (version === 2 && millis % 1000 !== 0) {
      ctx.report({
        at: word,
        message: `advert_int ${word.text} of vrrp_instance "${inst.name}" is not a whole number of seconds: VRRP version 2 adverts carry whole seconds, so keepalived rounds it to ${Math.max(1, Math.round(value))}`,
        hint: "use a whole number of seconds, or \"version 3\" on every node for sub-second adverts",
      });
    } else if (version === 3 && millis % 10 !== 0) {
      ctx.report({
        at: word,
        message: `advert_int ${word.text} of vrrp_instance "${inst.name}" is not a multiple of 10 ms: VRRP version 3 adverts carry centiseconds, so keepalived rounds it`,
        hint: "use a value with at most two decimals",
      });
    }
  },
});
