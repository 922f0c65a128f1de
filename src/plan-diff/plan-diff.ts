import { addressingChanges } from './addressing-rules';
import { ChangeArea, PlanDiffResult } from './change';
import { ciliumChanges, multusChanges, ovnChanges } from './component-rules';
import { ClusterFacts, factsOf } from './facts';
import { ciliumResourceChanges, networkChanges, policyChanges } from './resource-rules';

const AREA_ORDER = Object.values(ChangeArea);

/**
 * Every change between the objects of a previous output and those of a new one that a running cluster
 * feels, classified (see ChangeClass). Only what the objects state is compared, so any two outputs of
 * `synth` (or of `StagedOutput`) can be given, whatever values made them.
 */
export function planDiff(oldObjects: any[], newObjects: any[]): PlanDiffResult {
  return diffFacts(factsOf(oldObjects), factsOf(newObjects));
}

/** planDiff on facts already read. */
export function diffFacts(old: ClusterFacts, now: ClusterFacts): PlanDiffResult {
  const notes: string[] = [];
  if (old.ranges.size === 0) notes.push('the previous output has no address-plan record (ConfigMap kube-system/multicni-address-plan): its cluster ranges were not compared');
  const changes = [
    ...addressingChanges(old, now),
    ...ciliumChanges(old, now),
    ...multusChanges(old, now),
    ...ovnChanges(old, now),
    ...networkChanges(old, now),
    ...ciliumResourceChanges(old, now),
    ...policyChanges(old, now),
  ];
  // Stable: the rules emit in a fixed order within an area.
  changes.sort((a, b) => AREA_ORDER.indexOf(a.area) - AREA_ORDER.indexOf(b.area));
  return { changes, notes };
}
