import { invalidValue } from '../common/field-error';
import { CiliumPrimaryProps } from './cilium-primary-props';

/** The cluster's identity for Cluster Mesh, the datapath's devices and the operator's size. */
export interface ClusterSettings {
  readonly devices?: string[];
  readonly clusterName: string;
  readonly clusterId: number;
  readonly operatorReplicas: number;
}

/** Linux interface names: 1-15 bytes, no whitespace or '/'; Cilium also accepts a trailing '+' wildcard. */
const INTERFACE_NAME = /^[A-Za-z0-9_.:@-]{1,15}\+?$/;
/** Cilium's cluster name rule (at most 32 characters, DNS-label characters). */
const CLUSTER_NAME = /^([a-z0-9][-a-z0-9]*)?[a-z0-9]$/;

export function resolveCluster(props: CiliumPrimaryProps): ClusterSettings {
  const devices = checkDevices(props.devices);
  const clusterName = props.clusterName ?? 'default';
  if (typeof clusterName !== 'string' || clusterName.length > 32 || !CLUSTER_NAME.test(clusterName)) {
    throw invalidValue('clusterName', clusterName, 'at most 32 lowercase letters, digits and "-", starting and ending with a letter or digit');
  }
  const clusterId = props.clusterId ?? 0;
  if (!Number.isInteger(clusterId) || clusterId < 0 || clusterId > 255) {
    throw invalidValue('clusterId', clusterId, 'a whole number from 0 to 255');
  }
  if (clusterName === 'default' && clusterId !== 0) {
    throw invalidValue('clusterId', clusterId, '0 while clusterName is "default" (Cluster Mesh tells clusters apart by name): set clusterName too');
  }
  const operatorReplicas = props.operatorReplicas ?? 2;
  if (!Number.isInteger(operatorReplicas) || operatorReplicas < 1) {
    throw invalidValue('operatorReplicas', operatorReplicas, 'a whole number, at least 1');
  }
  return { devices, clusterName, clusterId, operatorReplicas };
}

function checkDevices(devices: string[] | undefined): string[] | undefined {
  if (devices === undefined) return undefined;
  if (!Array.isArray(devices) || devices.length === 0) {
    throw invalidValue('devices', devices, 'a non-empty list of interface names such as ["eth0"]');
  }
  devices.forEach((device, i) => {
    if (typeof device !== 'string' || !INTERFACE_NAME.test(device)) {
      throw invalidValue(`devices[${i}]`, device, 'a network interface name (1-15 letters, digits, "_.:@-", optional trailing "+")');
    }
  });
  return [...devices];
}
