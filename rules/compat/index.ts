// Rules about what the target keepalived version accepts.
import type { Rule } from "../../src/engine/rule.js";
import unsupportedInTargetVersion from "./unsupported-in-target-version.js";

export const COMPAT_RULES: readonly Rule[] = [unsupportedInTargetVersion];
