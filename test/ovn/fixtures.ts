import { Testing } from 'cdk8s';
import { DeceptiveNetworkConfig, DeceptiveNetworkConfigProps } from '../../src/deception';
import { OvnSecondary, OvnSecondaryProps } from '../../src/ovn';
import { find, Obj } from '../support/manifests';

export { find };
export type { Obj };

export interface Env { name: string; value?: string; valueFrom?: any }
export interface Container { name: string; command: string[]; env?: Env[]; [key: string]: any }
export interface Found { workload: string; pod: any; container: Container }

export const SEED_API_SERVER = 'https://172.18.0.2:6443';

/** Synthesizes a chart with a DeceptiveNetworkConfig and an OvnSecondary; returns the manifests. */
export function synth(
  props: Partial<OvnSecondaryProps> = {},
  networkProps: DeceptiveNetworkConfigProps = {},
): Obj[] {
  const chart = Testing.chart();
  const network = new DeceptiveNetworkConfig(chart, 'network', networkProps);
  new OvnSecondary(chart, 'ovn', { network, apiServer: SEED_API_SERVER, ...props });
  return Testing.synth(chart) as Obj[];
}

/** Builds OvnSecondary in a fresh chart (for toThrow tests); `props` replace the minimal ones. */
export function build(props: Record<string, unknown>, networkProps: DeceptiveNetworkConfigProps = {}): OvnSecondary {
  const chart = Testing.chart();
  const network = new DeceptiveNetworkConfig(chart, 'network', networkProps);
  return new OvnSecondary(chart, 'ovn', { network, apiServer: SEED_API_SERVER, ...props } as OvnSecondaryProps);
}

/** Every container of every workload. */
export function containers(objs: Obj[]): Found[] {
  return objs
    .filter((o) => o.kind === 'Deployment' || o.kind === 'DaemonSet')
    .flatMap((o) => (o.spec.template.spec.containers as Container[]).map((container) => ({
      workload: o.metadata.name, pod: o.spec.template.spec, container,
    })));
}

/** The `ovnkube.sh` target of a container. */
export function target(c: Container): string {
  expect(c.command[0]).toBe('/root/ovnkube.sh');
  return c.command[1];
}

/** An env var's value, resolving references into `ovn-config` from the YAML itself; undefined if absent. */
export function envValue(objs: Obj[], c: Container, name: string): string | undefined {
  const e = (c.env ?? []).find((x) => x.name === name);
  if (!e) return undefined;
  if (e.value !== undefined) return e.value;
  const ref = e.valueFrom?.configMapKeyRef;
  if (ref) {
    const cm = find(objs, 'ConfigMap', ref.name);
    const v = cm.data[ref.key];
    if (v === undefined) throw new Error(`${c.name}: ${name} refers to missing key ${ref.key} of ${ref.name}`);
    return v;
  }
  if (e.valueFrom?.fieldRef) return `field:${e.valueFrom.fieldRef.fieldPath}`;
  throw new Error(`${c.name}: ${name} has no value`);
}

export function ovnConfig(objs: Obj[]): Record<string, string> {
  return find(objs, 'ConfigMap', 'ovn-config').data;
}
