/**
 * The checker's verdict as plain data (strings and numbers only), so it serializes with JSON.stringify
 * as is: `multicni check --format json` prints exactly these fields (README: "JSON output").
 */

/** One address run a range really hands out or claims. */
export interface CheckedInterval {
  /** First address, canonical text. */
  readonly first: string;
  /** Last address, canonical text. */
  readonly last: string;
}

/** A range found in the input. */
export interface CheckedRange {
  /** Index in `ManifestCheckResult.ranges`. */
  readonly id: number;
  /** What it is, e.g. `cilium-config cluster-pool-ipv4-cidr` or a network's name. */
  readonly name: string;
  /** Its role, e.g. `primary pod`, `service`, `secondary network`, `load balancer`, `node pod range`. */
  readonly role: string;
  /** The object that states it: `dist/x.yaml#3 ConfigMap kube-system/cilium-config`. */
  readonly owner: string;
  /** The file it was read from (`-` for standard input, `input` for objects given in code). */
  readonly file: string;
  /** 1-based line of the value in that file (0 when unknown). */
  readonly line: number;
  /** The field that holds it, e.g. `data.cluster-pool-ipv4-cidr` or `spec.config ipam.range`. */
  readonly field: string;
  /** The value as written. */
  readonly text: string;
  /** `IPv4` or `IPv6`. */
  readonly family: string;
  /** The CIDR block it lies in (canonical). */
  readonly cidr: string;
  /**
   * Per-node subnet length, for ranges split per node.
   * @default - not split per node
   */
  readonly hostPrefix?: number;
  /** The addresses it really hands out or claims: the block, or less (range_start/range_end/exclude, LB start/stop). */
  readonly intervals: CheckedInterval[];
}

/** A problem found. */
export interface CheckProblem {
  /** `overlap`, `malformed`, `exclude`, `native-routing`, `host-prefix`, `node-subnets`, `family`, `node-pod-range`, `yaml-type`. */
  readonly kind: string;
  /** One line for humans (the text format prints it as is). */
  readonly message: string;
  /** File the problem is reported at (for an overlap: the narrower range, or the one read later when both are as wide). */
  readonly file: string;
  /** 1-based line in that file (0 when unknown). */
  readonly line: number;
  /** The ranges involved: both for an overlap, one or none otherwise. */
  readonly ranges: CheckedRange[];
}

/** The verdict on a set of manifests. */
export interface ManifestCheckResult {
  /** Every range found, in reading order. */
  readonly ranges: CheckedRange[];
  /** Every problem; empty when clean. */
  readonly problems: CheckProblem[];
  /** Inputs skipped (not Kubernetes objects, files read twice), one line each. */
  readonly notes: string[];
}
