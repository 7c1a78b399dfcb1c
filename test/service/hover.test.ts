import { describe, expect, it } from "vitest";
import { hover } from "../../src/service/index.js";
import { at, fixture, MAIN, MAIN_TEXT, SCRIPTS, SCRIPTS_TEXT } from "./fixture.js";

const text = (h: ReturnType<typeof hover>) => (h && typeof h.contents === "object" && "value" in h.contents ? h.contents.value : "");

describe("hover", () => {
  it("describes a keyword with its grammar, range and version", () => {
    const h = hover(fixture(), MAIN, at(MAIN_TEXT, "virtual_router_id", 3));
    expect(text(h)).toContain("**virtual_router_id** `<uint 1..255>`");
    expect(text(h)).toContain("range 1..255");
    expect(text(h)).toContain("since keepalived 0.5.3");
    expect(h?.range).toEqual({ start: { line: 4, character: 2 }, end: { line: 4, character: 19 } });
  });

  it("shows a tracked script's definition and the weight it has on this instance", () => {
    const web = text(hover(fixture(), MAIN, at(MAIN_TEXT, "chk_web", 1)));
    expect(web).toContain(`**vrrp_script chk_web** defined at \`${SCRIPTS}:1\``);
    expect(web).toContain("effective weight on vrrp_instance VI_1: **-20** (from the definition)");
    const db = text(hover(fixture(), MAIN, at(MAIN_TEXT, "chk_db", 1)));
    expect(db).toContain("effective weight on vrrp_instance VI_1: **+5** (set on the track line)");
  });

  it("shows a quoted script line with its quotes, as keepalived reads it", () => {
    const t = 'vrrp_script chk {\n  script "/usr/bin/killall -0 haproxy"\n}\nvrrp_instance V {\n  track_script {\n    chk\n  }\n}\n';
    const h = text(hover(fixture({ [MAIN]: t }), MAIN, at(t, "chk", 1, 2)));
    expect(h).toContain('script "/usr/bin/killall -0 haproxy"');
  });

  it("on a script definition lists its users", () => {
    const h = text(hover(fixture(), SCRIPTS, at(SCRIPTS_TEXT, "chk_web", 1)));
    expect(h).toContain("effective weight on vrrp_instance VI_1: **-20**");
  });

  it("on priority gives the range tracking can reach", () => {
    // base 100, chk_web -20 when failing, chk_db +5 when succeeding
    expect(text(hover(fixture(), MAIN, at(MAIN_TEXT, "priority", 1)))).toContain("effective priority: **80..105**");
    expect(text(hover(fixture(), MAIN, at(MAIN_TEXT, "priority", 1, 2)))).toContain("effective priority: **90** (no weighted tracking)");
  });

  it("marks deprecated keywords and says where unknown ones belong", () => {
    const t = "vrrp_instance V {\n  vrrp_strict\n}\nvrrp_track_file f {\n  file /tmp/x\n}\n";
    const a = fixture({ [MAIN]: t });
    expect(text(hover(a, MAIN, at(t, "vrrp_track_file", 1)))).toMatch(/deprecated since 2\.0\.21: use `track_file`/);
    expect(text(hover(a, MAIN, at(t, "vrrp_strict", 1)))).toContain("unknown in `vrrp_instance`; valid in `global_defs`");
  });

  it("gives nothing on blank space", () => {
    expect(hover(fixture(), MAIN, at(MAIN_TEXT, "  state", 0))).toBeNull();
  });
});

describe("hover on definitions and includes", () => {
  it("shows a $NAME's value and an include's files", () => {
    const t = "include conf.d/*.conf\n$IFACE=eth0\nvrrp_instance V {\n  interface $IFACE\n}\n";
    const a = fixture({ [MAIN]: t });
    expect(text(hover(a, MAIN, at(t, "$IFACE", 2, 2)))).toBe("**$IFACE**\n\n```keepalived\neth0\n```");
    expect(text(hover(a, MAIN, 10))).toBe(`**include** \`conf.d/*.conf\`\n\n- \`${SCRIPTS}\``);
  });
});

describe("hover on arguments", () => {
  it("explains the keyword an argument belongs to", () => {
    const h = hover(fixture(), MAIN, at(MAIN_TEXT, "BACKUP", 2));
    expect(text(h)).toContain("**state** `MASTER|BACKUP`");
    expect(h?.range).toEqual({ start: { line: 2, character: 8 }, end: { line: 2, character: 14 } });
  });
});

describe("hover names keepalived versions", () => {
  it("says which releases have the keyword and whether the target does", async () => {
    const { analyze } = await import("../../src/service/analyze.js");
    const { memoryFiles } = await import("../../grammar/files.js");
    const t = "global_defs {\n  vrrp_delay_after_boot 10\n}\n";
    const a = analyze(memoryFiles({ [MAIN]: t }), MAIN, { defaults: { targetVersion: "2.3.4" } });
    const h = text(hover(a, MAIN, at(t, "vrrp_delay_after_boot", 1)));
    expect(h).toContain("keepalived 2.4.0 and newer");
    expect(h).toContain("**not in 2.3.4** (the target): added in 2.4.0");
    const newest = analyze(memoryFiles({ [MAIN]: t }), MAIN);
    expect(text(hover(newest, MAIN, at(t, "vrrp_delay_after_boot", 1)))).toContain("known to 2.4.3 (the target)");
  });
});
