// Value-block entry lines, read as keepalived's line parsers read them
// (alloc_ipaddress, alloc_route, alloc_rule, vrrp_track.c, alloc_vsg_entry).
import { describe, expect, it } from "vitest";
import { lineGrammarOf, parseEntryLine } from "../../../grammar/schema/index.js";

const parse = (context: string, line: string) => parseEntryLine(context, line.split(/\s+/).filter(Boolean).map((text) => ({ text })));
const errors = (context: string, line: string) => parse(context, line).errors.map((e) => [e.index, e.message]);

describe("virtual_ipaddress / static_ipaddress", () => {
  const VIP = "vrrp_instance.virtual_ipaddress";

  it("reads address, prefix, options and family, with word indexes", () => {
    const r = parse(VIP, "192.168.1.10/24 brd 192.168.1.255 dev eth0 label eth0:vip no_track");
    expect(r.errors).toEqual([]);
    expect(r.family).toBe(4);
    expect(r.fields.address).toEqual({ index: 0, text: "192.168.1.10/24", value: 24 });
    expect(r.fields.broadcast).toEqual({ index: 2, text: "192.168.1.255" });
    expect(r.fields.dev).toEqual({ index: 4, text: "eth0" });
    expect(r.fields.label).toEqual({ index: 6, text: "eth0:vip" });
    expect(r.fields.no_track?.index).toBe(7);
  });

  it("detects IPv6", () => {
    expect(parse(VIP, "fe80::10/64 dev eth0").family).toBe(6);
  });

  it("reports a prefix too long (10.0.0.1/33 -> Invalid address prefix len 33 ... using 32)", () => {
    expect(errors(VIP, "10.0.0.1/33")).toEqual([[0, "prefix length 33 is outside 0..32 for an IPv4 address"]]);
  });

  it("reports an unknown word (10.0.0.3 dev eth0 foo -> Unknown configuration entry 'foo' for ip address)", () => {
    expect(errors(VIP, "10.0.0.3 dev eth0 foo")).toEqual([[3, 'unknown option "foo" for an address; keepalived ignores it']]);
  });

  it("reports a missing option value (No dev parameter specified)", () => {
    expect(errors(VIP, "10.0.0.3 dev")).toEqual([[1, '"dev" needs a value']]);
  });

  it("rejects scope and label on IPv6 addresses, which keepalived ignores", () => {
    expect(errors(VIP, "2001:db8::1 scope link")).toEqual([[1, "scope cannot be set on an IPv6 address; keepalived ignores it"]]);
  });

  it("rejects labels over 15 characters (the address is dropped)", () => {
    expect(errors(VIP, "10.0.0.1 label eth0:averylonglabel")).toEqual([[2, 'label "eth0:averylonglabel" is longer than 15 characters; keepalived drops the address']]);
  });

  it("accepts track_group only on static addresses and use_vmac only on virtual ones", () => {
    expect(errors("static_ipaddress", "10.0.0.1/24 dev eth0 track_group TG")).toEqual([]);
    expect(parse("static_ipaddress", "10.0.0.1/24 dev eth0 track_group TG").fields.track_group).toEqual({ index: 4, text: "TG" });
    expect(errors(VIP, "10.0.0.1/24 dev eth0 track_group TG")[0]?.[1]).toBe('unknown option "track_group" for an address; keepalived ignores it');
    expect(errors(VIP, "10.0.0.1/24 dev eth0 use_vmac")).toEqual([]);
    // keepalived's "use_vmac for a address requires an interface" check is compiled out (#if 0).
    expect(errors(VIP, "10.0.0.1/24 use_vmac")).toEqual([]);
    expect(errors("static_ipaddress", "10.0.0.1/24 dev eth0 use_vmac")[0]?.[1]).toBe('unknown option "use_vmac" for an address; keepalived ignores it');
  });

  it("dev twice drops the address (Cannot specify ipaddress device more than once)", () => {
    expect(errors(VIP, "10.0.0.1/24 dev eth0 dev eth1")).toEqual([[3, "dev is given twice; keepalived drops the address"]]);
  });

  it("peer: both sides are bare addresses (Cannot specify address prefix when specifying peer address; Invalid peer address)", () => {
    expect(errors(VIP, "10.0.0.1 peer 10.0.0.2")).toEqual([]);
    expect(errors(VIP, "10.0.0.1/24 peer 10.0.0.2")).toEqual([[0, "an address with a peer cannot have a prefix length; keepalived ignores it"]]);
    expect(errors(VIP, "10.0.0.1 peer 10.0.0.2/24")).toEqual([[2, 'peer "10.0.0.2/24" cannot have a prefix length; keepalived rejects it']]);
  });

  it("brd +/- needs room for a broadcast address (Address prefix length 32 too long for broadcast)", () => {
    expect(errors(VIP, "10.0.0.1/24 brd +")).toEqual([]);
    expect(errors(VIP, "10.0.0.1 brd +")).toEqual([[2, 'broadcast "+" needs a prefix length of 30 or less (the address has /32)']]);
    expect(errors(VIP, "10.0.0.1/31 brd -")).toEqual([[2, 'broadcast "-" needs a prefix length of 30 or less (the address has /31)']]);
  });

  it("preferred_lft takes a number or forever", () => {
    expect(errors(VIP, "10.0.0.1 preferred_lft forever")).toEqual([]);
    expect(errors(VIP, "10.0.0.1 preferred_lft 0")).toEqual([]);
    expect(errors(VIP, "10.0.0.1 preferred_lft never")).toEqual([[2, 'preferred_lft "never" is not a valid number; expected 0..4294967295']]);
  });

  it("rejects a first word that is not an address (a keyword written inside the block)", () => {
    expect(errors(VIP, "priority 100")).toEqual([[0, '"priority" is not an IP address']]);
  });
});

describe("virtual_routes / static_routes", () => {
  const R = "vrrp_instance.virtual_routes";

  it("reads destination, via, dev, metric", () => {
    const r = parse(R, "10.1.0.0/16 via 10.0.0.254 dev eth0 metric 10");
    expect(r.errors).toEqual([]);
    expect(r.family).toBe(4);
    expect(r.fields.dest).toEqual({ index: 0, text: "10.1.0.0/16" });
    expect(r.fields.via).toEqual({ index: 2, text: "10.0.0.254" });
    expect(r.fields.dev).toEqual({ index: 4, text: "eth0" });
    expect(r.fields.metric).toEqual({ index: 6, text: "10", value: 10 });
  });

  it("reads route types before the destination (blackhole, unreachable, prohibit)", () => {
    for (const type of ["blackhole", "unreachable", "prohibit"]) {
      const r = parse(R, `${type} 10.2.0.0/16`);
      expect(r.errors).toEqual([]);
      expect(r.fields.type).toEqual({ index: 0, text: type });
      expect(r.fields.dest?.index).toBe(1);
    }
  });

  it("accepts src, table, scope, protocol and the to keyword", () => {
    const r = parse(R, "src 10.0.0.1 to 10.3.0.0/16 table 100 scope link protocol static no_track");
    expect(r.errors).toEqual([]);
    expect(r.fields.src?.index).toBe(1);
    expect(r.fields.dest?.index).toBe(3);
    expect(r.fields.table?.text).toBe("100");
    expect(r.fields.no_track?.index).toBe(10);
  });

  it("reports gw as deprecated (\"gw\" for routes is deprecated. Please use \"via\")", () => {
    expect(errors(R, "default gw 10.0.0.1")).toEqual([[1, '"gw" for routes is deprecated; use "via"']]);
  });

  it("reports mixed families (Cannot mix IPv4 and IPv6 addresses for route)", () => {
    expect(errors(R, "src 10.0.0.1 to 2001:db8::/32")).toEqual([[3, 'route destination "2001:db8::/32" is IPv6 but the line is IPv4']]);
  });

  it("requires a destination (Route must have a destination)", () => {
    // keepalived 2.2.7 -t: "Configuration line starting `blackhole` is missing a parameter" and exit 2.
    expect(errors(R, "blackhole")).toEqual([[0, 'route type "blackhole" needs a destination; keepalived stops reading the configuration']]);
    expect(errors(R, "via 10.0.0.1")).toEqual([[0, "route must have a destination"]]);
  });

  it("a tracked route gets protocol keepalived (Route cannot be tracked if protocol is not RTPROT_KEEPALIVED)", () => {
    expect(errors(R, "10.5.0.0/16 dev eth0 protocol static")).toEqual([[4, 'a tracked route must have protocol keepalived; keepalived replaces "static" (add no_track to keep it)']]);
    expect(errors(R, "10.5.0.0/16 dev eth0 protocol static no_track")).toEqual([]);
  });

  it("2.2.7 cannot track a route without dev (Warning - cannot track route … with no interface specified)", () => {
    const line = (t: string) => parseEntryLine(R, t.split(" ").map((text) => ({ text })), "2.2.7").errors.map((e) => e.message);
    expect(line("10.6.0.0/16 via 10.0.0.1")).toEqual(["keepalived 2.2.7 cannot track a route without dev (2.3.2 and newer can); add dev or no_track"]);
    expect(line("10.6.0.0/16 via 10.0.0.1 dev eth0")).toEqual([]);
    expect(line("10.6.0.0/16 via 10.0.0.1 no_track")).toEqual([]);
    expect(errors(R, "10.6.0.0/16 via 10.0.0.1")).toEqual([]);
  });

  it("track_group only on static routes", () => {
    expect(errors("static_routes", "10.4.0.0/16 dev eth0 track_group TG")).toEqual([]);
    expect(errors(R, "10.4.0.0/16 dev eth0 track_group TG")[0]?.[1]).toBe('unknown route option "track_group"');
  });
});

describe("virtual_rules", () => {
  const RU = "vrrp_instance.virtual_rules";

  it("reads selectors and the action", () => {
    const r = parse(RU, "from 10.0.0.0/24 table 100 priority 10");
    expect(r.errors).toEqual([]);
    expect(r.family).toBe(4);
    expect(r.fields.from?.index).toBe(1);
    expect(r.fields.table).toEqual({ index: 3, text: "100" });
    expect(r.fields.priority?.value).toBe(10);
  });

  it("needs an action (No action specified for rule - ignoring)", () => {
    expect(errors(RU, "from 10.0.0.0/24 priority 5")).toEqual([[0, "rule has no action (table, goto, nop, type or l3mdev); keepalived ignores it"]]);
  });

  it("reports unknown words (Unknown rule option)", () => {
    expect(errors(RU, "from 10.0.0.0/24 table 100 priority 5 bogus")).toEqual([[6, 'unknown rule option "bogus"']]);
  });

  it("wants a preference (Rule has no preference specified - setting to 16384)", () => {
    expect(errors(RU, "from 10.0.0.0/24 table 100")).toEqual([[0, "rule has no preference; keepalived picks one counting down from 16384, which is probably not what you want"]]);
  });
});

describe("unicast_peer", () => {
  const P = "vrrp_instance.unicast_peer";

  it("reads the address and ttl limits", () => {
    const r = parse(P, "10.0.0.2 min_ttl 1 max_ttl 64");
    expect(r.errors).toEqual([]);
    expect(r.family).toBe(4);
    expect(r.fields.min_ttl).toEqual({ index: 2, text: "1", value: 1 });
    expect(r.fields.max_ttl).toEqual({ index: 4, text: "64", value: 64 });
  });

  it("reports a malformed peer (malformed unicast peer address[bad::addr::])", () => {
    expect(errors(P, "bad::addr::")).toEqual([[0, 'unicast peer "bad::addr::" is not an IP address']]);
  });

  it("reports min_ttl above max_ttl (all packets will be discarded)", () => {
    expect(errors(P, "10.0.0.2 min_ttl 10 max_ttl 5")).toEqual([[2, "min_ttl 10 is above max_ttl 5; every advert would be discarded"]]);
  });
});

describe("track_* blocks", () => {
  it("track_script: name, weight, direction", () => {
    const r = parse("vrrp_instance.track_script", "chk_haproxy weight -20 reverse");
    expect(r.errors).toEqual([]);
    expect(r.fields).toEqual({
      name: { index: 0, text: "chk_haproxy" },
      weight: { index: 2, text: "-20", value: -20 },
      direction: { index: 3, text: "reverse" },
    });
  });

  it("a bare name is fine; the weight then comes from the tracked object", () => {
    expect(parse("vrrp_sync_group.track_script", "chk").fields).toEqual({ name: { index: 0, text: "chk" } });
  });

  it("track_script weight outside -254..254 (track_script weight 300 -> outside range [-254, 254])", () => {
    expect(errors("vrrp_instance.track_script", "chk weight 300")).toEqual([[2, 'weight "300" is outside -254..254']]);
  });

  it("track_interface weight 254 is changed to 253 (weight for eth0 cannot be +/-254)", () => {
    expect(errors("vrrp_instance.track_interface", "eth0 weight 254")).toEqual([[2, "weight 254 cannot be used; keepalived changes it to 253"]]);
    expect(errors("vrrp_instance.track_interface", "eth0 weight -254")).toEqual([[2, "weight -254 cannot be used; keepalived changes it to -253"]]);
  });

  it("track_interface takes reverse but not noreverse", () => {
    expect(errors("vrrp_instance.track_interface", "eth0 weight 10 reverse")).toEqual([]);
    expect(errors("vrrp_instance.track_interface", "eth0 weight 10 noreverse")).toEqual([[3, 'unknown track_interface weight option "noreverse"; expected "reverse"']]);
  });

  it("track_bfd weights are limited to -253..253", () => {
    expect(errors("vrrp_instance.track_bfd", "bfd1 weight 254")).toEqual([[2, 'weight "254" is outside -253..253']]);
    expect(errors("vrrp_instance.track_bfd", "bfd1 weight 253")).toEqual([]);
  });

  it("track_process and track_file accept ±254 as is", () => {
    expect(errors("vrrp_instance.track_process", "nginx weight 254 noreverse")).toEqual([]);
    expect(errors("vrrp_instance.track_file", "tf weight -254")).toEqual([]);
  });

  it("word 1 must be weight, and needs a value (unknown track script option / weight without value)", () => {
    expect(errors("vrrp_instance.track_script", "chk reverse")).toEqual([[1, 'unknown track_script option "reverse"; expected "weight"']]);
    expect(errors("vrrp_instance.track_script", "chk weight")).toEqual([[1, 'weight without a value for track_script "chk"']]);
  });
});

describe("name lists and small grammars", () => {
  it("sync group members are names with indexes", () => {
    expect(parse("vrrp_sync_group.group", "VI_1 VI_2").names).toEqual([
      { index: 0, text: "VI_1" },
      { index: 1, text: "VI_2" },
    ]);
    expect(parse("global_defs.notification_email", "ops@example.com").names).toEqual([{ index: 0, text: "ops@example.com" }]);
  });

  it("linkbeat_interfaces: <ifname> [MII|ETHTOOL|IOCTL]", () => {
    expect(errors("linkbeat_interfaces", "eth0 ETHTOOL")).toEqual([]);
    expect(errors("linkbeat_interfaces", "eth0 mii")).toEqual([[1, 'linkbeat mode "mii" is not valid; expected MII, ETHTOOL or IOCTL']]);
  });

  it("interface_up_down_delays: <ifname> <down> [<up>] in seconds up to 255", () => {
    expect(parse("interface_up_down_delays", "eth0 2.5 1").fields).toEqual({
      name: { index: 0, text: "eth0" },
      down: { index: 1, text: "2.5", value: 2.5 },
      up: { index: 2, text: "1", value: 1 },
    });
    expect(errors("interface_up_down_delays", "eth0 300")).toEqual([[1, 'down delay "300" is outside 0..255']]);
    expect(errors("interface_up_down_delays", "eth0")).toEqual([[0, 'interface "eth0" needs a down delay']]);
  });

  it("virtual_server_group entries: address ranges, ports, fwmarks", () => {
    const r = parse("virtual_server_group", "10.0.0.1-10 80");
    expect(r.errors).toEqual([]);
    expect(r.family).toBe(4);
    expect(r.fields.port).toEqual({ index: 1, text: "80", value: 80 });
    expect(errors("virtual_server_group", "10.0.0.10-5 80")).toEqual([[0, 'range end "5" must be above the start']]);
    expect(parse("virtual_server_group", "fwmark 7 inet6").family).toBe(6);
    expect(errors("virtual_server_group", "2001:db8::1-ff 443")).toEqual([]);
  });

  it("knows which contexts have a line grammar and returns an empty result for others", () => {
    expect(lineGrammarOf("vrrp_instance.virtual_ipaddress_excluded")).toBe("address");
    expect(lineGrammarOf("vrrp_instance")).toBeUndefined();
    expect(parse("vrrp_instance", "priority 100")).toEqual({ grammar: "names", fields: {}, errors: [] });
    expect(parse("vrrp_instance.virtual_ipaddress", "")).toEqual({ grammar: "address", fields: {}, errors: [] });
  });
});
