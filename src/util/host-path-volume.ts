import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';

/** A hostPath volume; `type` (e.g. `DirectoryOrCreate`) only when given, so the default (no check) stays implicit. */
export function hostPathVolume(name: string, path: string, type?: string): k8s.Volume {
  return { name, hostPath: { path, ...(type ? { type } : {}) } };
}
