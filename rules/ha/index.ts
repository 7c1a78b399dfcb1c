// High-availability pitfalls: configurations keepalived accepts that still fail over badly.
import type { Rule } from "../../src/engine/rule.js";
import nopreemptStateMaster from "./nopreempt-state-master.js";
import nopreemptWeightedTracking from "./nopreempt-weighted-tracking.js";

export const HA_RULES: readonly Rule[] = [nopreemptStateMaster, nopreemptWeightedTracking];
