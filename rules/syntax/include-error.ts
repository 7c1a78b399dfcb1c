import { readerRule } from "../helpers.js";

export default readerRule({
  id: "include-error",
  severity: "error",
  category: "syntax",
  description: "An include that matches nothing or names something that is not a readable file",
});
