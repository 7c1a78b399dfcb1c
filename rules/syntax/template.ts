import { readerRule } from "../helpers.js";

export default readerRule({
  id: "template",
  severity: "warning",
  category: "syntax",
  description: "A file read as a template (Jinja2, Go, ERB, EPP, Mustache, Terraform): how it was recognised, tags that do not close or pair, and keyword lines a trim marker joins to the line before",
});
