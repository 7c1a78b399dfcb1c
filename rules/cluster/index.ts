// Cluster rules: checks across the node configs of one cluster (`keepalived-lint cluster`).
import type { Rule } from "../../src/engine/rule.js";
import advertIntDiffers from "./advert-int-differs.js";
import authenticationDiffers from "./authentication-differs.js";
import equalPriorities from "./equal-priorities.js";
import failoverBlockedByPriorityGap from "./failover-blocked-by-priority-gap.js";
import failoverNeverWithNopreempt from "./failover-never-with-nopreempt.js";
import multipleStateMaster from "./multiple-state-master.js";
import nopreemptInconsistent from "./nopreempt-inconsistent.js";
import startupOrderDecidesMaster from "./startup-order-decides-master.js";
import syncGroupSplitMaster from "./sync-group-split-master.js";
import unicastPeersNotMutual from "./unicast-peers-not-mutual.js";
import vipListsDiffer from "./vip-lists-differ.js";
import vridSharedByClusters from "./vrid-shared-by-clusters.js";
import vrrpVersionDiffers from "./vrrp-version-differs.js";

export const CLUSTER_RULES: readonly Rule[] = [
  vipListsDiffer, advertIntDiffers, vrrpVersionDiffers, authenticationDiffers, unicastPeersNotMutual,
  vridSharedByClusters, equalPriorities, multipleStateMaster, nopreemptInconsistent,
  syncGroupSplitMaster, failoverBlockedByPriorityGap, failoverNeverWithNopreempt, startupOrderDecidesMaster,
];
