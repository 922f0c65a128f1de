import * as fs from 'fs';
import { setOwn } from '../util/own-property';
import { yaml } from '../util/yaml';
import { IpamMode } from '../cilium';
import { MultiCniChartProps } from '../chart';
import { DecoyNetwork } from '../deception';
import { GitopsOptions } from '../gitops';
import { atField, fieldPath, parseField } from '../common/field-error';
import { decodeUtf8, valuesErrorLine } from './error-message';
import { mergeValues } from './values-merge';
import { ENUM_KEYS } from './values-enums';
import { AddressingValues, CiliumValues, ValuesFile } from './values-file';
import { checkValues } from './values-schema';

/** The seed's API server on its kind cluster `ovn`: Docker's DNS resolves the node name. */
export const SEED_API_SERVER = 'https://ovn-control-plane:6443';

/** Reads a values file (YAML) into chart props. Errors name the file and the key path. */
export function loadValuesFile(file: string): MultiCniChartProps {
  return loadValuesFiles([file]);
}

/**
 * Reads values files and merges them left to right, as helm merges repeated `--values` (see mergeValues),
 * into chart props. Each file is checked against the schema on its own first, so a wrong key is reported
 * in the file that has it (`file: key.path: problem`); a problem of the merged values names the last file
 * that set the key (see valuesErrorLine).
 */
export function loadValuesFiles(files: string[]): MultiCniChartProps {
  const layers = readValuesLayers(files);
  try {
    return layersToProps(layers);
  } catch (e) {
    throw new Error(valuesErrorLine(e, files, undefined, layers));
  }
}

/** Values files' parsed YAML (readValuesLayers), merged left to right, to chart props. */
export function layersToProps(layers: unknown[]): MultiCniChartProps {
  return valuesToProps(mergeValues(layers));
}

/** What one synth takes from the values: the chart's props and, with a `gitops` key, its options. */
export interface SynthValues {
  readonly props: MultiCniChartProps;
  readonly gitops?: GitopsOptions;
}

/** Values files' parsed YAML, merged left to right, to chart props and the `gitops` options. */
export function layersToSynthValues(layers: unknown[]): SynthValues {
  return valuesToSynthValues(mergeValues(layers));
}

/** The parsed YAML of each file, each checked against the schema. @throws `file: problem` */
export function readValuesLayers(files: string[]): unknown[] {
  return files.map((file) => {
    const data = readValuesFile(file);
    try {
      checkValues(data ?? {});
    } catch (e) {
      throw new Error(`${file}: ${(e as Error).message}`);
    }
    return data;
  });
}

/** One values file's YAML, parsed (not checked). @throws `file: problem` */
function readValuesFile(file: string): unknown {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`${file}: cannot read: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`);
  }
  const text = decodeUtf8(file, bytes);
  try {
    return yaml.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
}

/**
 * Values (parsed YAML, helm-like) to chart props; absent keys keep the seed's defaults. The data is checked
 * against values.schema.json first, so everything below handles only well-typed values: keys map onto the
 * props of the same name, enum-like classes through ENUM_KEYS, and three sections whose YAML differs from
 * the props (the decoy, Cilium's IPAM, the demo) through their reshape functions.
 */
export function valuesToProps(data: unknown): MultiCniChartProps {
  return valuesToSynthValues(data).props;
}

/** As valuesToProps, also returning the `gitops` key (not a chart prop: it shapes the output). */
export function valuesToSynthValues(data: unknown): SynthValues {
  const values = checkValues(data ?? {}) as ValuesFile;
  const { gitops, ...chartValues } = values;
  const props = chartProps(chartValues);
  return gitops === undefined ? { props } : { props, gitops: mapKeys(gitops, 'gitops') as GitopsOptions };
}

function chartProps(values: Omit<ValuesFile, 'gitops'>): MultiCniChartProps {
  const { apiServer, addressing, cilium, demo, ...rest } = values;
  return compact({
    ...(mapKeys(rest, '') as Omit<MultiCniChartProps, 'apiServer'>),
    apiServer: apiServer ?? SEED_API_SERVER,
    addressing: addressing && reshapeAddressing(mapKeys(addressing, 'addressing') as AddressingValues),
    cilium: cilium && reshapeCilium(mapKeys(cilium, 'cilium') as CiliumValues),
    demo: demo?.enabled,
    demoPods: demo?.pods,
  });
}

/** A copy of a checked value with every ENUM_KEYS name replaced by its instance. */
function mapKeys(value: unknown, at: string): unknown {
  if (at in ENUM_KEYS) return ENUM_KEYS[at][value as string];
  if (Array.isArray(value)) return value.map((item) => mapKeys(item, `${at}[]`));
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) setOwn(copy, key, mapKeys((value as Record<string, unknown>)[key], fieldPath(at, key)));
    return copy;
  }
  return value;
}

/** `decoy` text (or `auto` with `decoySearch`) → DecoyNetwork. */
function reshapeAddressing({ decoy, decoySearch, ...rest }: AddressingValues): MultiCniChartProps['addressing'] {
  if (decoySearch !== undefined && decoy !== 'auto') {
    throw new Error(`addressing.decoySearch: only valid with decoy: auto, got decoy ${JSON.stringify(decoy ?? '10.254.0.0/16/24 (the default)')}`);
  }
  const network = decoy === undefined ? undefined
    : decoy === 'auto' ? atField('addressing.decoySearch', () => DecoyNetwork.automatic(decoySearch))
      : parseField('addressing', decoy, DecoyNetwork.fixed);
  return compact({ ...rest, decoy: network });
}

/** `ipam` name and `clusterPool` options → IpamMode. */
function reshapeCilium({ ipam, clusterPool, ...rest }: CiliumValues): MultiCniChartProps['cilium'] {
  if (ipam === 'cluster-pool' && !clusterPool?.podCidrs) {
    throw new Error('cilium.clusterPool.podCidrs: required when ipam is cluster-pool (Cilium\'s own default 10.0.0.0/8 holds the service range)');
  }
  if (ipam !== 'cluster-pool' && clusterPool !== undefined) {
    throw new Error(`cilium.clusterPool: only valid with ipam: cluster-pool, got ipam ${JSON.stringify(ipam ?? 'kubernetes (the default)')}`);
  }
  const mode = ipam === 'cluster-pool' ? IpamMode.clusterPool(clusterPool!) : ipam === 'kubernetes' ? IpamMode.KUBERNETES : undefined;
  return compact({ ...rest, ipam: mode });
}

/** Drops keys left undefined, so a spread of the result never overrides a default with `undefined`. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
