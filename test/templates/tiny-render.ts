/**
 * Tiny renderers for the engines Debian does not package: EPP (Puppet) and
 * Terraform templatefile. They render what the fixtures use — variables,
 * dotted paths, `==` with a quoted string, if/else, loops over lists, the
 * parameter list and defaults of EPP, comments, and each engine's
 * whitespace markers (`<%-`/`-%>`, `~`) as the engines document them.
 */
type Values = Record<string, unknown>;

type Node =
  | { kind: "text"; text: string }
  | { kind: "expr"; code: string }
  | { kind: "if"; cond: string; then: Node[]; else: Node[] }
  | { kind: "for"; name: string; list: string; body: Node[] };

interface Piece {
  kind: "text" | "expr" | "code";
  text: string;
}

/** EPP: `<%= %>`, `<% %>` (Puppet if/unless/each with braces), `<%# %>`, `<%-`/`-%>`, `<%%`, the `| params |` header. */
export function renderEpp(src: string, values: Values): string {
  const pieces: Piece[] = [];
  const re = /<%(%?)([-=#]?)([\s\S]*?)(-?)%>/g;
  let last = 0;
  let trimNext = false;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    let text = src.slice(last, m.index);
    if (trimNext) text = text.replace(/^[ \t]*\r?\n/, "");
    if (m[1] === "%") {
      pieces.push({ kind: "text", text: text + "<%" + m[0].slice(3) });
      last = re.lastIndex;
      continue;
    }
    if (m[2] === "-") text = text.replace(/[ \t]*$/, "");
    pieces.push({ kind: "text", text });
    if (m[2] === "=") pieces.push({ kind: "expr", text: m[3].trim() });
    else if (m[2] !== "#") pieces.push({ kind: "code", text: m[3].trim() });
    trimNext = m[4] === "-";
    last = re.lastIndex;
  }
  let tail = src.slice(last);
  if (trimNext) tail = tail.replace(/^[ \t]*\r?\n/, "");
  pieces.push({ kind: "text", text: tail });
  const scope: Values = {};
  const header = pieces.find((p) => p.kind === "code" && p.text.startsWith("|"));
  if (header) {
    for (const param of header.text.slice(1, header.text.lastIndexOf("|")).split(",")) {
      const m = /\$(\w+)(?:\s*=\s*(.+))?/.exec(param);
      if (m) scope[m[1]] = m[1] in values ? values[m[1]] : literal(m[2]?.trim());
    }
  }
  const nodes = tree(pieces.filter((p) => p !== header), (code) => {
    let m: RegExpExecArray | null;
    if ((m = /^(if|unless)\s+(.+?)\s*\{$/.exec(code))) return { open: "if", cond: m[1] === "unless" ? `!${m[2]}` : m[2] };
    if ((m = /^\$(\w+)\.each\s*\|\s*\$(\w+)\s*\|\s*\{$/.exec(code))) return { open: "for", name: m[2], list: m[1] };
    if (/^\}\s*else\s*\{$/.test(code)) return { else: true };
    if (code === "}") return { end: true };
    throw new Error(`tiny EPP renderer: unsupported code <% ${code} %>`);
  });
  return evaluate(nodes, scope, (code, s) => lookup(code.replace(/^\$/, ""), s));
}

/** Terraform templatefile: `${expr}`, `%{ if }`/`%{ else }`/`%{ endif }`, `%{ for x in list }`/`%{ endfor }`, `~` strip markers, `$${`/`%%{`. */
export function renderTerraform(src: string, values: Values): string {
  const pieces: Piece[] = [];
  const re = /([$%])\{(~?)([^}]*?)(~?)\}/g;
  let last = 0;
  let stripNext = false;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    if (m.index > 0 && src[m.index - 1] === m[1]) continue;
    let text = src.slice(last, m.index);
    if (stripNext) text = text.replace(/^\s+/, "");
    if (m[2] === "~") text = text.replace(/\s+$/, "");
    pieces.push({ kind: "text", text: text.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{") });
    pieces.push({ kind: m[1] === "$" ? "expr" : "code", text: m[3].trim() });
    stripNext = m[4] === "~";
    last = re.lastIndex;
  }
  let tail = src.slice(last);
  if (stripNext) tail = tail.replace(/^\s+/, "");
  pieces.push({ kind: "text", text: tail });
  const nodes = tree(pieces, (code) => {
    let m: RegExpExecArray | null;
    if ((m = /^if\s+(.+)$/.exec(code))) return { open: "if", cond: m[1] };
    if ((m = /^for\s+(\w+)\s+in\s+(\w+)$/.exec(code))) return { open: "for", name: m[1], list: m[2] };
    if (code === "else") return { else: true };
    if (code === "endif" || code === "endfor") return { end: true };
    throw new Error(`tiny Terraform renderer: unsupported directive %{ ${code} }`);
  });
  return evaluate(nodes, { ...values }, (code, s) => lookup(code, s));
}

type Directive = { open: "if"; cond: string } | { open: "for"; name: string; list: string } | { else: true } | { end: true };

function tree(pieces: Piece[], directive: (code: string) => Directive): Node[] {
  const root: Node[] = [];
  const stack: { nodes: Node[]; node?: Node & { kind: "if" | "for" } }[] = [{ nodes: root }];
  for (const p of pieces) {
    const top = stack[stack.length - 1];
    if (p.kind === "text") top.nodes.push({ kind: "text", text: p.text });
    else if (p.kind === "expr") top.nodes.push({ kind: "expr", code: p.text });
    else {
      const d = directive(p.text);
      if ("open" in d) {
        const node: Node & { kind: "if" | "for" } =
          d.open === "if" ? { kind: "if", cond: d.cond, then: [], else: [] } : { kind: "for", name: d.name, list: d.list, body: [] };
        top.nodes.push(node);
        stack.push({ nodes: node.kind === "if" ? node.then : node.body, node });
      } else if ("else" in d) {
        const node = top.node;
        if (node?.kind !== "if") throw new Error("else outside if");
        top.nodes = node.else;
      } else stack.pop();
    }
  }
  return root;
}

function evaluate(nodes: Node[], scope: Values, value: (code: string, scope: Values) => unknown): string {
  let out = "";
  for (const n of nodes) {
    if (n.kind === "text") out += n.text;
    else if (n.kind === "expr") out += String(value(n.code, scope));
    else if (n.kind === "if") out += evaluate(truthy(n.cond, scope, value) ? n.then : n.else, scope, value);
    else for (const item of (value(n.list, scope) as unknown[]) ?? []) out += evaluate(n.body, { ...scope, [n.name]: item }, value);
  }
  return out;
}

function truthy(cond: string, scope: Values, value: (code: string, scope: Values) => unknown): boolean {
  if (cond.startsWith("!")) return !truthy(cond.slice(1), scope, value);
  const eq = /^(.+?)\s*==\s*['"](.*)['"]$/.exec(cond);
  if (eq) return value(eq[1].trim(), scope) === eq[2];
  return Boolean(value(cond.trim(), scope));
}

function lookup(path: string, scope: Values): unknown {
  let v: unknown = scope;
  for (const k of path.replace(/^\$/, "").split(".")) {
    if (v === null || typeof v !== "object" || !(k in v)) throw new Error(`no value for ${path}`);
    v = (v as Values)[k];
  }
  return v;
}

function literal(code: string | undefined): unknown {
  if (code === undefined) return undefined;
  if (code === "true" || code === "false") return code === "true";
  if (/^-?\d+$/.test(code)) return Number(code);
  return code.replace(/^['"]|['"]$/g, "");
}
