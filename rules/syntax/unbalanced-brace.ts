import { readerRule } from "../helpers.js";

export default readerRule({
  id: "unbalanced-brace",
  severity: "error",
  category: "syntax",
  description: "An extra '}' or a block that is never closed",
});
