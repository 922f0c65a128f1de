import { isDnsLabel } from '../util/k8s-names';
import { MultusLogLevel } from './multus-log-level';
import { MultusMode } from './multus-mode';
import { MultusVersion } from './multus-version';
import { isImageReference } from '../util/image-reference';
import { OVN_CNI_CONF_FILE } from '../common/cni-facts';
import { invalidValue } from '../common/field-error';

// Multus reads .conf and .conflist files of the directory (libcni.ConfFiles).
const CNI_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*\.(conf|conflist)$/;
const LOG_LEVELS = Object.values(MultusLogLevel) as string[];

export function checkMode(mode: MultusMode): MultusMode {
  if (mode !== MultusMode.THIN && mode !== MultusMode.THICK) {
    throw invalidValue('mode', mode, 'MultusMode.THIN or MultusMode.THICK ("thin" or "thick" in a values file)');
  }
  return mode;
}

export function checkVersion(version: MultusVersion): MultusVersion {
  if (!MultusVersion.ALL.includes(version)) {
    throw invalidValue('version', version, `one of ${MultusVersion.ALL.map((v) => `MultusVersion.V${v.tag.slice(1).replace(/\./g, '_')}`).join(', ')} (${MultusVersion.ALL.map((v) => JSON.stringify(v.tag)).join(', ')} in a values file)`);
  }
  return version;
}

export function checkImage(image: string): string {
  if (!isImageReference(image)) {
    throw invalidValue('image', image, 'an image reference such as "ghcr.io/k8snetworkplumbingwg/multus-cni:v4.3.0"');
  }
  return image;
}

export function checkNamespace(namespace: string): string {
  if (!isDnsLabel(namespace)) {
    throw invalidValue('namespace', namespace, 'a DNS-1123 label (lowercase letters, digits and "-", at most 63)');
  }
  return namespace;
}

export function checkDefaultNetworkFile(file: string): string {
  if (typeof file !== 'string' || !CNI_FILE.test(file)) {
    throw invalidValue('defaultNetworkFile', file, 'the name (no directory) of a .conf or .conflist file in /etc/cni/net.d, such as "05-cilium.conflist"');
  }
  if (file === OVN_CNI_CONF_FILE) {
    throw invalidValue('defaultNetworkFile', file, 'the primary CNI\'s file, such as "05-cilium.conflist", not OVN-Kubernetes\' own: Multus would make OVN-Kubernetes every pod\'s primary network, the opposite of this stack (Cilium primary, OVN-Kubernetes secondary)');
  }
  if (file.startsWith('00-multus.conf')) {
    throw invalidValue('defaultNetworkFile', file, 'the default network\'s file, such as "05-cilium.conflist", not the file multus itself writes');
  }
  return file;
}

export function checkLogLevel(level: MultusLogLevel | undefined): MultusLogLevel | undefined {
  if (level !== undefined && !LOG_LEVELS.includes(level)) {
    throw invalidValue('logLevel', level, `one of ${LOG_LEVELS.join(', ')}`);
  }
  return level;
}
