import { readerRule } from "../helpers.js";

export default readerRule({
  id: "invalid-definition",
  severity: "error",
  category: "syntax",
  description: "A $NAME definition or reference keepalived cannot use",
});
