// High-availability pitfalls: configurations keepalived accepts that still fail over badly.
import type { Rule } from "../../src/engine/rule.js";
import addressFamilyMismatch from "./address-family-mismatch.js";
import advertIntRounded from "./advert-int-rounded.js";
import authIgnoredVrrp3 from "./auth-ignored-vrrp3.js";
import authPassTooLong from "./auth-pass-too-long.js";
import duplicateVrid from "./duplicate-vrid.js";
import ipv6UnicastWithoutSrcIp from "./ipv6-unicast-without-src-ip.js";
import mcastGroupNotLinkLocal from "./mcast-group-not-link-local.js";
import nopreemptPreemptDelay from "./nopreempt-preempt-delay.js";
import nopreemptStateMaster from "./nopreempt-state-master.js";
import nopreemptWeightedTracking from "./nopreempt-weighted-tracking.js";
import ownerWeightedTracking from "./owner-weighted-tracking.js";
import strictModeConflict from "./strict-mode-conflict.js";
import strictModeNoAccept from "./strict-mode-no-accept.js";
import syncGroupDuplicateMember from "./sync-group-duplicate-member.js";
import syncGroupMixedOwners from "./sync-group-mixed-owners.js";
import syncGroupSingleMember from "./sync-group-single-member.js";
import syncGroupWeightIgnored from "./sync-group-weight-ignored.js";
import tooManyVips from "./too-many-vips.js";
import trackOwnInterface from "./track-own-interface.js";
import undefinedSyncGroupMember from "./undefined-sync-group-member.js";
import undefinedTrackedObject from "./undefined-tracked-object.js";
import unicastPeerSelf from "./unicast-peer-self.js";
import unicastWithoutPeers from "./unicast-without-peers.js";
import unusedVrrpScript from "./unused-vrrp-script.js";

export const HA_RULES: readonly Rule[] = [
  nopreemptStateMaster, nopreemptWeightedTracking, nopreemptPreemptDelay,
  ownerWeightedTracking, syncGroupWeightIgnored, syncGroupMixedOwners, syncGroupSingleMember, syncGroupDuplicateMember, undefinedSyncGroupMember,
  undefinedTrackedObject, unusedVrrpScript, trackOwnInterface,
  duplicateVrid, addressFamilyMismatch, tooManyVips, advertIntRounded,
  authPassTooLong, authIgnoredVrrp3, strictModeConflict, strictModeNoAccept,
  unicastWithoutPeers, unicastPeerSelf, ipv6UnicastWithoutSrcIp, mcastGroupNotLinkLocal,
];
