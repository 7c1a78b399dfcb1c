export { runCluster, checkSpec, DEFAULT_TIMING } from "./run-cluster.js";
export { renderNodeConfig, DEFAULT_TRACK } from "./render.js";
export { probeSupport, cleanStaleRuns } from "./netns.js";
export type * from "./types.js";
