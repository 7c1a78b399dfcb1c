import { readerRule } from "../helpers.js";

export default readerRule({
  id: "nul-byte",
  severity: "error",
  category: "syntax",
  description: "A NUL byte, which makes keepalived drop the rest of the line",
  scope: "block",
});
