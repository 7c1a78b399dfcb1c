import { readerRule } from "../helpers.js";

export default readerRule({
  id: "missing-brace",
  severity: "error",
  category: "syntax",
  keepalivedRefuses: "always",
  description: "A block keyword not followed by '{'",
  scope: "block",
});
