import { readerRule } from "../helpers.js";

export default readerRule({
  id: "limit-exceeded",
  severity: "error",
  category: "syntax",
  description: "A line, expansion or include chain beyond the linter's work budgets (docs/limits.md); the rest is still checked",
});
