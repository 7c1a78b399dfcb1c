// Script security: how keepalived runs the scripts a configuration names.
import type { Rule } from "../../src/engine/rule.js";
import relativeScriptPath from "./relative-script-path.js";
import scriptPathThroughSymlink from "./script-path-through-symlink.js";
import scriptArgumentsUnquoted from "./script-arguments-unquoted.js";
import scriptSecurityDisabled from "./script-security-disabled.js";

export const SECURITY_RULES: readonly Rule[] = [scriptSecurityDisabled, scriptArgumentsUnquoted, relativeScriptPath, scriptPathThroughSymlink];
