/**
 * Public types of the real-daemon cluster harness. The failover model is
 * compared against `ClusterRun.observations`, so these shapes are a contract:
 * change them additively.
 */

/** What the harness fills into a node's config: everything that depends on the run. */
export interface NodeEnv {
  /** Node name, e.g. "n1". */
  name: string;
  /** Interface inside the node's namespace that carries VRRP. */
  iface: string;
  /** This node's address on the shared segment (no prefix length). */
  selfIp: string;
  /** Addresses of every other node of the run, in node order. */
  peerIps: string[];
  /** The virtual address the nodes fight over (no prefix length). */
  vip: string;
  /** Prefix length of the shared segment. */
  prefixLength: number;
  /** Absolute path of the flag file whose presence means "check `track` is healthy". */
  flagFile(track: string): string;
}

/**
 * A node described by parameters; `renderNodeConfig` turns it into a
 * keepalived.conf with one vrrp_instance (VI_1).
 */
export interface NodeTemplate {
  priority: number;
  /** Initial state; keepalived's default is BACKUP. */
  state?: "MASTER" | "BACKUP";
  nopreempt?: boolean;
  /** One vrrp_script per entry, all tracked by VI_1. Omit for no tracking. */
  checks?: CheckTemplate[];
  /** "unicast" (default, peers listed explicitly) or "multicast". */
  transport?: "unicast" | "multicast";
  advertInt?: number;
  virtualRouterId?: number;
}

export interface CheckTemplate {
  /** Track name; the script is `chk_<track>` and its flag file is flagFile(track). */
  track: string;
  /**
   * Weight written on the vrrp_script. 0 means "no weight": a failure puts the
   * instance into FAULT. Omitted means the line is left out (keepalived's default, 0).
   */
  weight?: number;
  /** Write the weight on the track_script line instead of the vrrp_script block. */
  weightOnTracker?: boolean;
}

/** A node of a run: either a template or a raw config (a function of the run's environment). */
export type NodeSpec =
  | { name: string; template: NodeTemplate }
  | { name: string; config: (env: NodeEnv) => string; tracks?: string[] };

export type Step =
  /** Start keepalived on the node(s); their checks are healthy unless failed earlier. */
  | { action: "start"; node: string | string[] }
  /** Stop keepalived on the node(s) with SIGTERM (it releases the VIP and sends priority 0). */
  | { action: "stop"; node: string | string[] }
  /** Make the node's check `track` fail (delete its flag file). */
  | { action: "fail"; node: string; track?: string }
  /** Make the node's check `track` succeed again (create its flag file). */
  | { action: "recover"; node: string; track?: string }
  /**
   * Cut the node(s) off the segment (their bridge port is detached; the link
   * stays up, so keepalived sees no interface fault, only silence).
   */
  | { action: "isolate"; node: string | string[] }
  /** Put isolated node(s) back on the segment. */
  | { action: "rejoin"; node: string | string[] }
  /** Do nothing; just observe again. */
  | { action: "wait" };

export type VrrpState = "INIT" | "BACKUP" | "MASTER" | "FAULT" | "STOPPED" | "NOT_STARTED";

export interface Observation {
  /** Index into `steps` of the step this observation follows. */
  afterStep: number;
  step: Step;
  /** The only node holding the VIP, or null when none or several hold it. */
  master: string | null;
  /** Every node whose namespace holds the VIP, sorted by node order. */
  holders: string[];
  /** False when the holder set kept changing until the step's time limit. */
  stable: boolean;
  /** Each change of the holder set, in ms since the action started. */
  changes: { atMs: number; holders: string[] }[];
  /** Last state each node's log announced (secondary signal, from "Entering X STATE"). */
  states: Record<string, VrrpState>;
  /**
   * Effective priority each node last logged ("Changing effective priority
   * from A to B"); before any such line, a template's base priority; null for
   * raw configs that never logged a change.
   */
  priorities: Record<string, number | null>;
  /** Milliseconds from the action to the observation. */
  tookMs: number;
}

export interface ClusterSpec {
  nodes: NodeSpec[];
  steps: Step[];
  /** Timing; see DEFAULT_TIMING. */
  timing?: Partial<Timing>;
  /** Label used in log/dir names and error messages. */
  label?: string;
}

export interface Timing {
  /** The holder set must stay unchanged this long (since the action) to count as stable. */
  settleMs: number;
  /** Give up on a step after this long and record it as unstable. */
  maxStepMs: number;
  /** Interval between looks at the VIP holders (event-fed, so cheap). */
  pollMs: number;
}

export interface ClusterRun {
  runId: string;
  /** Rendered keepalived.conf of each node, as the daemons read it. */
  configs: Record<string, string>;
  /** Address of each node and the VIP. */
  addresses: Record<string, string> & { vip: string };
  observations: Observation[];
  /** Console output of each daemon. */
  logs: Record<string, string>;
  /** How the VIP watcher saw the holders change (events, corrections by polls). */
  watchTrace?: string[];
  /** Set when the run could not be carried out to the end; observations stop there. */
  error?: string;
  durationMs: number;
}
