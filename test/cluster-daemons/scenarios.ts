import type { ClusterSpec, NodeTemplate } from "./harness/index.js";

/**
 * Failover scenarios with the outcome keepalived 2.2.7 is documented to
 * produce, written by hand from its rules (below), then confirmed by real
 * daemons (failover.test.ts). The failover model is meant to be checked
 * against the same table.
 *
 * The rules used (keepalived vrrp.c, RFC 5798 as keepalived implements it):
 * - A BACKUP takes over when it hears no advert for 3 × advert_int + skew,
 *   skew = (256 − priority) / 256 × advert_int, or after only the skew when
 *   the master leaves with a priority-0 advert (stop, FAULT).
 * - A BACKUP hearing an advert of LOWER priority than its own ignores it and
 *   so takes over when its timer runs out — unless it has `nopreempt`. An
 *   advert of EQUAL or higher priority resets its timer: a tie never preempts.
 * - A MASTER hearing a higher priority, or an equal priority from a higher
 *   primary address, steps down; nopreempt plays no part there. So two
 *   masters always settle on the best (priority, address).
 * - A weighted check adds its weight to the priority while the check
 *   succeeds (positive weight) or while it fails (negative weight); a check
 *   with weight 0 puts the instance into FAULT instead (VIP released).
 * - `state MASTER` together with `nopreempt` is refused: keepalived warns and
 *   clears nopreempt.
 */
/**
 * What should hold the VIP after a step: one node (the master), null for
 * nobody, `{holders}` when several hold it at once (split brain), or
 * `{anyOf}` when keepalived leaves it to a timing race (see `why`).
 */
export type Expected = string | null | { holders: string[] } | { anyOf: string[] };

export interface Scenario {
  id: string;
  title: string;
  spec: ClusterSpec;
  /** Hand-written, per step. */
  expected: Expected[];
  /** Why, per step. */
  why: string[];
}

const backup = (priority: number, extra: Partial<NodeTemplate> = {}): NodeTemplate => ({ priority, ...extra });
const check = (weight?: number) => ({ checks: [{ track: "main", weight }] });

export const SCENARIOS: Scenario[] = [
  {
    id: "seed-nopreempt-weight",
    title: "3 nodes 100/90/80, all BACKUP + nopreempt, weight -20, started n3, n1, n2",
    spec: {
      nodes: [
        { name: "n1", template: backup(100, { nopreempt: true, ...check(-20) }) },
        { name: "n2", template: backup(90, { nopreempt: true, ...check(-20) }) },
        { name: "n3", template: backup(80, { nopreempt: true, ...check(-20) }) },
      ],
      steps: [
        { action: "start", node: "n3" },
        { action: "start", node: "n1" },
        { action: "start", node: "n2" },
        { action: "fail", node: "n3" },
        { action: "stop", node: "n3" },
      ],
    },
    expected: ["n3", "n3", "n3", "n3", { anyOf: ["n1", "n2"] }],
    why: [
      "alone, n3 takes over when its down timer runs out",
      "n1 hears n3's lower priority but nopreempt forbids taking over",
      "same for n2",
      "n3 drops to 60 and keeps advertising; the weight never starts an election under nopreempt",
      "n3 leaves with priority 0; n1 (skew 0.39 s) and n2 (0.43 s) race: usually n1, but if n2's timer fires first (a busy CPU is enough) its advert reaches n1, whose nopreempt then keeps it BACKUP — observed both ways",
    ],
  },
  {
    id: "preempt-weight",
    title: "the seed without nopreempt: 100/90/80, weight -20",
    spec: {
      nodes: [
        { name: "n1", template: backup(100, check(-20)) },
        { name: "n2", template: backup(90, check(-20)) },
        { name: "n3", template: backup(80, check(-20)) },
      ],
      steps: [
        { action: "start", node: ["n1", "n2", "n3"] },
        { action: "fail", node: "n1" },
        { action: "recover", node: "n1" },
      ],
    },
    expected: ["n1", "n2", "n1"],
    why: [
      "highest priority wins the election",
      "n1 drops to 80 < 90: n2 ignores the lower adverts and takes over (n3 at 80 ties n1 and stays)",
      "n1 back at 100 ignores n2's 90 and preempts",
    ],
  },
  {
    id: "nopreempt-fault",
    title: "100/90 BACKUP + nopreempt, check without weight (FAULT)",
    spec: {
      nodes: [
        { name: "n1", template: backup(100, { nopreempt: true, ...check(0) }) },
        { name: "n2", template: backup(90, { nopreempt: true, ...check(0) }) },
      ],
      steps: [
        { action: "start", node: "n1" },
        { action: "start", node: "n2" },
        { action: "fail", node: "n1" },
        { action: "recover", node: "n1" },
      ],
    },
    expected: ["n1", "n1", "n2", "n2"],
    why: [
      "alone, n1 takes over",
      "a latecomer under nopreempt stays BACKUP",
      "FAULT releases the VIP with a priority-0 advert; n2 takes over after its skew time",
      "n1 comes back as BACKUP; nopreempt keeps it from taking the VIP back",
    ],
  },
  {
    id: "weight-below-gap",
    title: "100/90, preempt, weight -5 (smaller than the gap)",
    spec: {
      nodes: [
        { name: "n1", template: backup(100, check(-5)) },
        { name: "n2", template: backup(90, check(-5)) },
      ],
      steps: [
        { action: "start", node: ["n1", "n2"] },
        { action: "fail", node: "n1" },
      ],
    },
    expected: ["n1", "n1"],
    why: ["highest priority wins", "95 is still above 90: n2 keeps resetting its timer"],
  },
  {
    id: "weight-equals-gap",
    title: "100/90, preempt, weight -10 (equal to the gap: a tie)",
    spec: {
      nodes: [
        { name: "n1", template: backup(100, check(-10)) },
        { name: "n2", template: backup(90, check(-10)) },
      ],
      steps: [
        { action: "start", node: ["n1", "n2"] },
        { action: "fail", node: "n1" },
        { action: "stop", node: "n1" },
        { action: "start", node: "n1" },
        { action: "recover", node: "n1" },
      ],
    },
    expected: ["n1", "n1", "n2", "n2", "n1"],
    why: [
      "highest priority wins",
      "n1 at 90 ties n2: a BACKUP treats an equal advert like a higher one, so no takeover (n2's higher address does not matter to a BACKUP)",
      "n1 leaves; n2 takes over",
      "n1 restarts with its check still failing (90): the tie again keeps it BACKUP",
      "n1 back at 100 preempts",
    ],
  },
  {
    id: "tie-at-election",
    title: "100/100, preempt, no checks: a tie never preempts a master, but between two masters the higher address wins",
    spec: {
      nodes: [
        { name: "n1", template: backup(100) },
        { name: "n2", template: backup(100) },
      ],
      steps: [
        { action: "start", node: "n1" },
        { action: "start", node: "n2" },
        { action: "isolate", node: "n2" },
        { action: "rejoin", node: "n2" },
      ],
    },
    expected: ["n1", "n1", { holders: ["n1", "n2"] }, "n2"],
    why: [
      "alone, n1 takes over",
      "n2 (higher address) hears an equal priority: a BACKUP resets its timer on an equal advert, no takeover",
      "cut off, n2 hears nothing and takes over too: split brain, both hold the VIP",
      "two masters at equal priority: n1 hears the higher address and steps down; n2 keeps the VIP",
    ],
  },
  {
    id: "positive-weight",
    title: "n1 100 untracked, n2 90 with weight +20 while healthy",
    spec: {
      nodes: [
        { name: "n1", template: backup(100) },
        { name: "n2", template: backup(90, check(20)) },
      ],
      steps: [
        { action: "start", node: ["n1", "n2"] },
        { action: "fail", node: "n2" },
        { action: "recover", node: "n2" },
      ],
    },
    expected: ["n2", "n1", "n2"],
    why: [
      "a healthy n2 runs at 110 > 100",
      "n2 falls back to 90 < 100: n1 takes over",
      "n2 at 110 again preempts",
    ],
  },
  {
    id: "master-nopreempt",
    title: "n1 state MASTER + nopreempt 100, n2 BACKUP + nopreempt 90, checks without weight",
    spec: {
      nodes: [
        { name: "n1", template: backup(100, { state: "MASTER", nopreempt: true, ...check(0) }) },
        { name: "n2", template: backup(90, { nopreempt: true, ...check(0) }) },
      ],
      steps: [
        { action: "start", node: ["n1", "n2"] },
        { action: "fail", node: "n1" },
        { action: "recover", node: "n1" },
      ],
    },
    expected: ["n1", "n2", "n1"],
    why: [
      "n1 wins (priority, and it starts as MASTER)",
      "n1 in FAULT releases the VIP; n2 takes over",
      "keepalived cleared n1's nopreempt, so unlike nopreempt-fault it takes the VIP back",
    ],
  },
];
