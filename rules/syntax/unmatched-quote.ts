import { readerRule } from "../helpers.js";

export default readerRule({
  id: "unmatched-quote",
  severity: "error",
  category: "syntax",
  keepalivedRefuses: "always",
  description: "A double quote with no closing quote on the same line",
  scope: "block",
});
