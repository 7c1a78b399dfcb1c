import { readerRule } from "../helpers.js";

export default readerRule({
  id: "unexpected-brace",
  severity: "error",
  category: "syntax",
  keepalivedRefuses: "always",
  description: "A '{' after a keyword that opens no block (keepalived ignores it)",
  scope: "block",
});
