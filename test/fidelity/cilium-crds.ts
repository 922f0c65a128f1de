/**
 * Cilium's own CRDs (the schemas its operator registers), for validating the custom resources synth writes:
 * `cilium-crds/<version>/{v2,v2alpha1}/*.yaml` of the upstream references, else the Go module cache
 * (`pkg/k8s/apis/cilium.io/client/crds/` of github.com/cilium/cilium@v<version>, after
 * `go mod download github.com/cilium/cilium@v<version>`). Only 1.19.6 and 1.20.0 exist in either.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { Cidr } from '../../src';



/** The CRDs of one release by kind, and where they were read. */
export interface CiliumCrds {
  readonly source: string;
  readonly byKind: Map<string, any>;
}

/** The CRDs of `version`, or the places looked at. */
export function loadCiliumCrds(version: string, upstreamDir: string | undefined): CiliumCrds | string {
  const places: string[] = [];
  if (upstreamDir) places.push(path.join(upstreamDir, 'cilium-crds', version));
  const cache = goModCache();
  if (cache) places.push(path.join(cache, 'github.com', 'cilium', `cilium@v${version}`, 'pkg', 'k8s', 'apis', 'cilium.io', 'client', 'crds'));
  for (const dir of places) {
    if (!fs.existsSync(dir)) continue;
    const byKind = new Map<string, any>();
    for (const sub of fs.readdirSync(dir)) {
      const subDir = path.join(dir, sub);
      if (!fs.statSync(subDir).isDirectory()) continue;
      for (const file of fs.readdirSync(subDir).filter((f) => f.endsWith('.yaml'))) {
        const crd = parse(fs.readFileSync(path.join(subDir, file), 'utf8'));
        if (crd?.kind === 'CustomResourceDefinition') byKind.set(crd.spec.names.kind, crd);
      }
    }
    if (byKind.size > 0) return { source: dir, byKind };
  }
  return `no Cilium ${version} CRDs (looked in ${places.join(', ') || 'no place: no upstream references and no go'})`;
}

function goModCache(): string | undefined {
  try {
    return execFileSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The apiserver's structural-schema validation, offline: ajv on the CRD version's openAPIV3Schema with the
 * formats Kubernetes checks (`cidr` as net.ParseCIDR, `ipv4`), and unknown fields refused (the apiserver
 * would prune them silently, or refuse them with `kubectl apply --validate=strict`, kubectl's default).
 * CEL rules (`x-kubernetes-validations`) are not evaluated.
 */
export function crdValidator(crd: any, apiVersion: string): ValidateFunction | string {
  const name = apiVersion.split('/')[1];
  const version = crd.spec.versions.find((v: any) => v.name === name);
  if (!version) return `${crd.metadata.name} has no version ${name} (it has ${crd.spec.versions.map((v: any) => v.name).join(', ')})`;
  if (!version.served) return `${crd.metadata.name} does not serve ${name}`;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('cidr', (text: string) => {
    try {
      Cidr._parseWithAddress(text, { allowHostBits: true });
      return true;
    } catch {
      return false;
    }
  });
  ajv.addFormat('ipv4', /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/);
  for (const f of ['int32', 'int64', 'date-time']) ajv.addFormat(f, true);
  return ajv.compile(closed(version.schema.openAPIV3Schema));
}

/** Every object node with properties, no additionalProperties and no preserve-unknown-fields: closed. */
function closed(node: any): any {
  if (Array.isArray(node)) return node.map(closed);
  if (typeof node !== 'object' || node === null) return node;
  const out: any = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'properties' ? Object.fromEntries(Object.entries(v as any).map(([p, s]) => [p, closed(s)])) : closed(v)]));
  if (node.type === 'object' && node.properties && node.additionalProperties === undefined && !node['x-kubernetes-preserve-unknown-fields']) out.additionalProperties = false;
  return out;
}
