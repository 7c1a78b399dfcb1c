/** Templates of keepalived configuration: which engine, its tags, and the view the reader reads. */
export { detectEngine, engineOfContent, ENGINE_NAMES, isTemplateName, TEMPLATE_ENGINES, type TemplateChoice, type TemplateEngine } from "./engines.js";
export { scanTags, type Tag, type TagKind } from "./tags.js";
export { conditionalTo, exclusive, hasPlaceholder, PLACEHOLDER_BASE, PLACEHOLDER_RUN, placeholderSource, templateView, touchesTag, type BranchGroup, type TemplateView } from "./view.js";
export { substituteVars, templateOffset, type Rendering } from "./vars.js";
