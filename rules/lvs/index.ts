// LVS / IPVS: virtual and real server settings keepalived changes or ignores.
import type { Rule } from "../../src/engine/rule.js";
import fwmarkProtocolIgnored from "./fwmark-protocol-ignored.js";
import hysteresisNotBelowQuorum from "./hysteresis-not-below-quorum.js";
import quorumExceedsWeight from "./quorum-exceeds-weight.js";
import realServerPortMismatch from "./real-server-port-mismatch.js";
import realServerWithoutChecker from "./real-server-without-checker.js";
import virtualServerWithoutRealServers from "./virtual-server-without-real-servers.js";

export const LVS_RULES: readonly Rule[] = [
  virtualServerWithoutRealServers, realServerWithoutChecker, quorumExceedsWeight, hysteresisNotBelowQuorum, realServerPortMismatch,
  fwmarkProtocolIgnored,
];
