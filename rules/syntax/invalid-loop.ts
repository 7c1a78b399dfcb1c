import { readerRule } from "../helpers.js";

export default readerRule({
  id: "invalid-loop",
  severity: "error",
  category: "syntax",
  description: "A malformed ~SEQ or ~LST line",
});
