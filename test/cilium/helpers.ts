import { Testing } from 'cdk8s';
import { CiliumPrimary, CiliumPrimaryProps } from '../../src/cilium';


export type Manifest = any;

/** Synthesizes a chart holding one CiliumPrimary. */
export function synthCilium(props: CiliumPrimaryProps = {}): Manifest[] {
  const chart = Testing.chart();
  new CiliumPrimary(chart, 'cilium', props);
  return Testing.synth(chart);
}

/** The certgen Job's name pattern: `hubble-generate-certs-` and 10 hex digits of a hash of its spec. */
export const CERTGEN_JOB_NAME = /^hubble-generate-certs-[0-9a-f]{10}$/;

/** An object's name as tests list it: the certgen Job's hash shown as `<hash>` (its value follows the spec). */
export function nameOf(o: Manifest): string {
  return o.kind === 'Job' && CERTGEN_JOB_NAME.test(o.metadata?.name) ? 'hubble-generate-certs-<hash>' : o.metadata?.name;
}

/** The one object of a kind and name (`nameOf`); fails the test when there is not exactly one. */
export function find(objects: Manifest[], kind: string, name: string): Manifest {
  const found = objects.filter((o) => o.kind === kind && nameOf(o) === name);
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
    for (const c of [...(pod.initContainers ?? []), ...pod.containers]) result.push({ owner: `${o.kind}/${nameOf(o)}`, container: c });
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
