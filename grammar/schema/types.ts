/**
 * Types of the keyword schema: the one description of keepalived's keyword tree
 * that the parser, validation, completion, hover and rule docs all read.
 */

/** How a keyword's line is shaped. */
export type KeywordKind =
  | "block" //        `kw [name] {` + sub-keywords
  | "value-block" //  `kw {` + free-form entry lines (virtual_ipaddress, track_script, …)
  | "scalar" //       `kw <args…>` on one line
  | "flag"; //        `kw` alone (extra words ignored by keepalived)

/** Argument type as keepalived's handler reads it. */
export type ArgType =
  | "uint" | "int" | "decimal" | "timer" | "bool" | "string" | "ip" | "enum"
  | "script" | "list" | "ref" | "custom" | "flag" | "block" | "value_block";

/** What a reference argument points at (for go-to-definition, rename, reference checks). */
export type RefKind =
  | "vrrp_script" | "track_file" | "vrrp_track_process" | "bfd_instance"
  | "vrrp_instance" | "track_group" | "garp_group" | "virtual_server_group"
  | "vrrp_sync_group";

export interface KeywordSpec {
  /** Keyword as written (case-sensitive, exact). */
  name: string;
  /** Context the keyword is valid in ("root", "vrrp_instance", "virtual_server.real_server", …). */
  context: string;
  kind: KeywordKind;
  /** Context of the block this keyword opens (keyword or value block). */
  childContext?: string;
  type: ArgType;
  /** Human argument grammar, e.g. `MASTER|BACKUP`, `<uint 1..255>`. */
  args: string;
  /** Inclusive numeric range for int/uint/decimal/timer arguments. */
  range?: [number, number];
  /** Accepted words for enum arguments (exact, case-sensitive). */
  values?: string[];
  /** Does keepalived exit(2) ("missing a parameter") when the argument is absent? */
  argRequired: boolean;
  /**
   * First release with this keyword per the research inventory, e.g. "v2.2.8";
   * "HEAD" for unreleased. Which releases from 2.0.19 on have it is
   * versions.ts's keywordSpans(), from keepalived's source history.
   */
  since: string;
  /** Known to keepalived 2.2.7 (the Debian package)? Agrees with keywordSpans() (test/schema/versions.test.ts). */
  inV227: boolean;
  /** Deprecated: what to use instead. */
  deprecated?: { use?: string; since?: string };
  /** This keyword is another name for `aliasOf` in the same context. */
  aliasOf?: string;
  /** The handler re-reads the raw line shell-style (notify*, script, misc_path, …). */
  quoted?: boolean;
  /** keepalived processes acting on it: parent, vrrp, checker, bfd. */
  processes: string[];
  /** Compile-time option the keyword depends on, when not always built. */
  buildOption?: string;
  /** For ref arguments: which kind of named object the first argument names. */
  ref?: RefKind;
  /** The first argument (the block's name) declares a named object of this kind (`vrrp_script chk {`). */
  defines?: RefKind;
  /** keepalived reports a value of 0 as an error and uses 1 instead (the range itself allows 0). */
  zeroRaised?: boolean;
  /** Writing it marks its vrrp_instance as unicast (keepalived then expects unicast peers and may run without an interface). */
  setsUnicast?: boolean;
  /** For `defines` blocks: keepalived looks references to this object up while reading, so the definition must come first. */
  definedBeforeUse?: boolean;
  /** How releases before `until` read the argument (2.2.7's reading, checked against it; older ones read it the same way). */
  older?: { until: string; type: ArgType; range?: [number, number] };
  /** Extra facts worth showing in hover (keepalived's special behaviour). */
  notes?: string;
  /** One line, our own words. */
  description: string;
}

export interface ContextSpec {
  /** Dotted path name, e.g. "vrrp_instance.track_script". */
  name: string;
  kind: "root" | "block" | "value_block";
  /** For value blocks: the grammar of one entry line. */
  lineGrammar?: string;
  /** For value blocks whose entries name other objects: what the entry's name(s) point at. */
  entryRef?: RefKind;
  keywords: ReadonlyMap<string, KeywordSpec>;
}

/** A keyword's facts as generated from keepalived's keyword tree (keywords.data.ts); prose is added from descriptions.ts. */
export type KeywordFacts = Omit<KeywordSpec, "description" | "notes">;
