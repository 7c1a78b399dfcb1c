import { readerRule } from "../helpers.js";

export default readerRule({
  id: "include-cycle",
  severity: "error",
  category: "syntax",
  description: "Files that include each other (keepalived recurses until it runs out of file handles)",
});
