import { readerRule } from "../helpers.js";

export default readerRule({
  id: "line-too-long",
  severity: "error",
  category: "syntax",
  keepalivedRefuses: "always",
  description: "A line longer than keepalived's 1023-character read buffer",
  scope: "block",
});
