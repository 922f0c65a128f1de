import { IpFamily } from '../addressing';

/**
 * What OVN-Kubernetes needs from the address plan: the ranges written into `ovn-config` and whether it runs
 * as a secondary CNI. `DeceptiveNetworkConfig` implements it (and registers every range in the chart's
 * AddressPlan, so they are checked for overlaps); an implementation of your own must keep those ranges
 * apart itself.
 */
export interface IOvnAddressPlan {
  /** The cluster's IP families: one subnet of each kind below per family. */
  readonly families: IpFamily[];
  /**
   * The decoy pod range OVN-Kubernetes is told (`net_cidr`): `cidr/hostPrefix`, comma-separated for
   * dual-stack. Read when the chart is synthesized, so it may be chosen late.
   */
  readonly netCidr: string;
  /** The real Service ranges (`svc_cidr`), comma-separated. */
  readonly svcCidr: string;
  /** Run OVN-Kubernetes as a secondary CNI (`--secondary-cni`). */
  readonly secondaryCni: boolean;
  /** The join subnet of a family. */
  joinSubnet(family: IpFamily): string | undefined;
  /** The transit switch subnet of a family (interconnect mode). */
  transitSubnet(family: IpFamily): string | undefined;
  /** The masquerade subnet of a family. */
  masqueradeSubnet(family: IpFamily): string | undefined;
}

/** Whether `value` has the shape of an IOvnAddressPlan (a plain JavaScript caller may pass anything). */
export function isOvnAddressPlan(value: unknown): value is IOvnAddressPlan {
  const plan = value as Record<string, unknown> | undefined;
  return typeof plan === 'object' && plan !== null && Array.isArray(plan.families) && typeof plan.secondaryCni === 'boolean'
    && ['joinSubnet', 'transitSubnet', 'masqueradeSubnet'].every((m) => typeof plan[m] === 'function');
}
