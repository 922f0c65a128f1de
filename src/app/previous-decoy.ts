import * as fs from 'fs';
import * as path from 'path';
import { MultiCniChartProps } from '../chart';
import { DecoyNetwork } from '../deception';
import { PLAN_RECORD_KEYS, PLAN_RECORD_NAME } from '../plan';
import { yaml } from '../util/yaml';

/**
 * The decoy an earlier synth chose automatically, as the address-plan record in `dir` states it (ConfigMap
 * `multicni-address-plan`, data `decoy` with `decoy-choice: auto`); undefined when `dir` holds no record,
 * or its decoy was given rather than chosen. Only the record's own document is parsed.
 */
export function previousAutomaticDecoy(dir: string): string | undefined {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  } catch {
    return undefined;
  }
  for (const name of names) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, name), 'utf8');
    } catch {
      continue;
    }
    if (!text.includes(PLAN_RECORD_NAME)) continue;
    for (const doc of text.split(/^---$/m)) {
      if (!doc.includes(`name: ${PLAN_RECORD_NAME}`) || !/^kind: ConfigMap$/m.test(doc)) continue;
      const o = yaml.parse(doc) as any;
      if (o?.kind !== 'ConfigMap' || o.metadata?.name !== PLAN_RECORD_NAME) continue;
      const decoy = o.data?.[PLAN_RECORD_KEYS.decoy];
      return o.data?.[PLAN_RECORD_KEYS.decoyChoice] === 'auto' && typeof decoy === 'string' && decoy !== '' ? decoy : undefined;
    }
  }
  return undefined;
}

/** What `decoy: auto` does on this synth. */
export interface DecoyKeeping {
  /** The props to build: with the previous choice kept (DecoyNetwork.kept) when there is one. */
  readonly props: MultiCniChartProps;
  /** The kept decoy, when one was kept. */
  readonly kept?: string;
}

/**
 * `decoy: auto` is chosen once: when `outdir` holds an earlier synth's automatic choice, that choice is kept
 * (OVN-Kubernetes' addresses would otherwise move when a range is added); `redecoy` chooses again.
 * Props with a given decoy are returned unchanged.
 */
export function keepPreviousDecoy(props: MultiCniChartProps, outdir: string, redecoy: boolean): DecoyKeeping {
  return keepDecoy(props, () => previousAutomaticDecoy(outdir), redecoy);
}

/** keepPreviousDecoy with the earlier choice read elsewhere (`plan --diff` reads it from the previous output's objects). */
export function keepDecoy(props: MultiCniChartProps, previous: () => string | undefined, redecoy: boolean): DecoyKeeping {
  const decoy = props.addressing?.decoy;
  if (redecoy || decoy === undefined || !decoy._automatic) return { props };
  const kept = previous();
  if (kept === undefined) return { props };
  return { props: { ...props, addressing: { ...props.addressing, decoy: DecoyNetwork.kept(kept) } }, kept };
}

/** The decoy line synth prints for `decoy: auto`, from the record among the rendered objects. */
export function decoyLine(objects: any[], outdir: string, kept: string | undefined): string | undefined {
  const record = objects.find((o) => o?.kind === 'ConfigMap' && o.metadata?.name === PLAN_RECORD_NAME);
  if (record?.data?.[PLAN_RECORD_KEYS.decoyChoice] !== 'auto') return undefined;
  const decoy = record.data[PLAN_RECORD_KEYS.decoy];
  return kept !== undefined
    ? `decoy (addressing.decoy: auto): ${decoy}, kept from ${outdir}/ (synth --redecoy chooses again, which moves OVN-Kubernetes' pod addresses)`
    : `decoy (addressing.decoy: auto): ${decoy}, chosen now and recorded in ${outdir}/ (ConfigMap kube-system/${PLAN_RECORD_NAME}); the next synth keeps it`;
}

/** The hint added to a refusal that involves a kept decoy. */
export function keptDecoyHint(kept: string, outdir: string): string {
  return `the decoy ${kept} is decoy: auto's earlier choice, kept from ${outdir}/; to move it run synth with --redecoy (OVN-Kubernetes then renumbers what it handed out), or name a decoy in addressing.decoy`;
}
