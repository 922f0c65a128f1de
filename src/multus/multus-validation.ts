import { isDnsLabel } from '../util/k8s-names';
import { MultusLogLevel } from './multus-log-level';
import { MultusMode } from './multus-mode';
import { MultusVersion } from './multus-version';
import { isImageReference } from '../util/image-reference';
import { OVN_CNI_CONF_FILE } from '../common/cni-facts';

// Multus reads .conf and .conflist files of the directory (libcni.ConfFiles).
const CNI_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*\.(conf|conflist)$/;
const LOG_LEVELS = Object.values(MultusLogLevel) as string[];

export function checkMode(mode: MultusMode): MultusMode {
  if (mode !== MultusMode.THIN && mode !== MultusMode.THICK) {
    throw new Error(`mode: invalid value ${JSON.stringify(mode)}: expected MultusMode.THIN or MultusMode.THICK ("thin" or "thick" in a values file)`);
  }
  return mode;
}

export function checkVersion(version: MultusVersion): MultusVersion {
  if (!MultusVersion.ALL.includes(version)) {
    throw new Error(`version: invalid value ${JSON.stringify(version)}: expected one of ${MultusVersion.ALL.map((v) => `MultusVersion.V${v.tag.slice(1).replace(/\./g, '_')}`).join(', ')} (${MultusVersion.ALL.map((v) => JSON.stringify(v.tag)).join(', ')} in a values file)`);
  }
  return version;
}

export function checkImage(image: string): string {
  if (!isImageReference(image)) {
    throw new Error(`image: invalid value ${JSON.stringify(image)}: expected an image reference such as ghcr.io/k8snetworkplumbingwg/multus-cni:v4.1.3`);
  }
  return image;
}

export function checkNamespace(namespace: string): string {
  if (!isDnsLabel(namespace)) {
    throw new Error(`namespace: invalid value ${JSON.stringify(namespace)}: expected a DNS-1123 label (lowercase letters, digits and '-', at most 63)`);
  }
  return namespace;
}

export function checkDefaultNetworkFile(file: string): string {
  if (typeof file !== 'string' || !CNI_FILE.test(file)) {
    throw new Error(`defaultNetworkFile: invalid value ${JSON.stringify(file)}: expected the name (no directory) of a .conf or .conflist file in /etc/cni/net.d, e.g. 05-cilium.conflist`);
  }
  if (file === OVN_CNI_CONF_FILE) {
    throw new Error(`defaultNetworkFile: invalid value ${JSON.stringify(file)}: that is OVN-Kubernetes' own file; Multus would make OVN-Kubernetes every pod's primary network, the opposite of this stack (Cilium primary, OVN-Kubernetes secondary); name the primary CNI's file, e.g. 05-cilium.conflist`);
  }
  if (file.startsWith('00-multus.conf')) {
    throw new Error(`defaultNetworkFile: invalid value ${JSON.stringify(file)}: that is the file multus itself writes; name the default network's file, e.g. 05-cilium.conflist`);
  }
  return file;
}

export function checkLogLevel(level: MultusLogLevel | undefined): MultusLogLevel | undefined {
  if (level !== undefined && !LOG_LEVELS.includes(level)) {
    throw new Error(`logLevel: invalid value ${JSON.stringify(level)}: expected one of ${LOG_LEVELS.join(', ')}`);
  }
  return level;
}
