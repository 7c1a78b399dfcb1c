import { readerRule } from "../helpers.js";

export default readerRule({
  id: "unbalanced-brace",
  severity: "error",
  category: "syntax",
  keepalivedRefuses: "always",
  description: "An extra '}' or a block that is never closed",
  scope: "block",
});
