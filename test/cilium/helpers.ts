import { Testing } from 'cdk8s';
import { CiliumPrimary, CiliumPrimaryProps } from '../../src/cilium';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Manifest = any;

/** Synthesizes a chart holding one CiliumPrimary. */
export function synthCilium(props: CiliumPrimaryProps = {}): Manifest[] {
  const chart = Testing.chart();
  new CiliumPrimary(chart, 'cilium', props);
  return Testing.synth(chart);
}

/** The one object of a kind and name; fails the test when there is not exactly one. */
export function find(objects: Manifest[], kind: string, name: string): Manifest {
  const found = objects.filter((o) => o.kind === kind && o.metadata?.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}`);
  return found[0];
}

/** The data of cilium-config. */
export function ciliumConfig(objects: Manifest[]): Record<string, string> {
  return find(objects, 'ConfigMap', 'cilium-config').data;
}

/** Every container (init containers included) of every workload, with the workload's name. */
export function containers(objects: Manifest[]): Array<{ owner: string; container: Manifest }> {
  const result: Array<{ owner: string; container: Manifest }> = [];
  for (const o of objects) {
    const pod = o.kind === 'CronJob' ? o.spec.jobTemplate.spec.template.spec : o.spec?.template?.spec;
    if (!pod) continue;
    for (const c of [...(pod.initContainers ?? []), ...pod.containers]) result.push({ owner: `${o.kind}/${o.metadata.name}`, container: c });
  }
  return result;
}

/** A container of the agent DaemonSet by name. */
export function agentContainer(objects: Manifest[], name: string): Manifest {
  const pod = find(objects, 'DaemonSet', 'cilium').spec.template.spec;
  const c = [...pod.initContainers, ...pod.containers].find((x: Manifest) => x.name === name);
  if (!c) throw new Error(`no container ${name} in the agent DaemonSet`);
  return c;
}
