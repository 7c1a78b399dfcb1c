import { readerRule } from "../helpers.js";

export default readerRule({
  id: "invalid-loop",
  severity: "error",
  category: "syntax",
  keepalivedRefuses: "always",
  description: "A malformed ~SEQ or ~LST line",
});
