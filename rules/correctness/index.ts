// Rules about how the parts of one configuration refer to each other.
import type { Rule } from "../../src/engine/rule.js";
import referenceBeforeDefinition from "./reference-before-definition.js";

export const CORRECTNESS_RULES: readonly Rule[] = [referenceBeforeDefinition];
