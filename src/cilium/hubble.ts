import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { yaml } from '../util/yaml';
import { AGENT_SELECTOR } from './agent-selector';
import { CA_SECRET, CERTGEN, HUBBLE_PEER, HUBBLE_SERVER_CERTS, NAMESPACE, PART_OF } from './names';
import { HUBBLE_PORT } from './ports';
import { addCertgenRbac } from './rbac';
import { CiliumSettings } from './settings';

/** The `hubble-peer` Service: node-local (internalTrafficPolicy Local) access to the agents' Hubble servers. */
export function addHubblePeer(scope: Construct, settings: CiliumSettings): void {
  new k8s.KubeService(scope, 'HubblePeerService', {
    metadata: {
      name: HUBBLE_PEER,
      namespace: NAMESPACE,
      labels: { ...AGENT_SELECTOR, ...PART_OF, 'app.kubernetes.io/name': HUBBLE_PEER },
    },
    spec: {
      selector: AGENT_SELECTOR,
      ports: [{ name: 'peer-service', port: settings.hubbleTls ? 443 : 80, protocol: 'TCP', targetPort: k8s.IntOrString.fromNumber(HUBBLE_PORT) }],
      internalTrafficPolicy: 'Local',
    },
  });
}

/**
 * In-cluster certificate generation (the chart's `hubble.tls.auto.method=cronJob`): a Job that creates
 * the CA Secret `cilium-ca` and `hubble-server-certs` once, and a CronJob that renews them. No key is
 * ever part of the manifests. The chart marks the Job as a Helm post-install hook; applied with kubectl
 * it simply runs once (and is removed 30 minutes after it finished).
 */
export function addHubbleCertgen(scope: Construct, settings: CiliumSettings): void {
  addCertgenRbac(scope);
  const labels = { 'k8s-app': CERTGEN, 'app.kubernetes.io/name': CERTGEN, ...PART_OF };
  const jobSpec = certgenJobSpec(settings);
  new k8s.KubeCronJob(scope, 'HubbleCertgenCronJob', {
    metadata: { name: CERTGEN, namespace: NAMESPACE, labels },
    spec: {
      schedule: settings.certgenSchedule,
      ...(settings.version.atLeast(19) ? { successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 } : {}),
      concurrencyPolicy: 'Forbid',
      jobTemplate: { spec: jobSpec },
    },
  });
  new k8s.KubeJob(scope, 'HubbleCertgenJob', {
    metadata: { name: CERTGEN, namespace: NAMESPACE, labels },
    spec: jobSpec,
  });
}

/** The Job both the one-off Job and the CronJob run: cilium-certgen with its settings as arguments and env. */
function certgenJobSpec(settings: CiliumSettings): k8s.JobSpec {
  const version = settings.version;
  return {
    template: {
      metadata: { labels: { 'k8s-app': CERTGEN } },
      spec: {
        securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
        containers: [{
          name: 'certgen',
          image: settings.images.certgen,
          imagePullPolicy: settings.imagePullPolicy,
          securityContext: { capabilities: { drop: ['ALL'] }, allowPrivilegeEscalation: false },
          command: ['/usr/bin/cilium-certgen'],
          // Arguments rather than a ConfigMap, so a finished pod shows what it was run with.
          args: [
            version.atLeast(18) ? '--ca-generate=true' : '--ca-generate',
            '--ca-reuse-secret', `--ca-secret-namespace=${NAMESPACE}`, `--ca-secret-name=${CA_SECRET}`, '--ca-common-name=Cilium CA',
            // certgen 0.4.8 (1.20): the CA stays valid at least as long as the certificates it signs.
            ...(version.atLeast(20) ? ['--ca-enforce-validity-throughout-leaves-duration=true'] : []),
          ],
          env: [{ name: 'CILIUM_CERTGEN_CONFIG', value: certgenConfig(settings) }],
        }],
        // Both spellings up to 1.18, as upstream (`serviceAccount` is the deprecated alias).
        ...(version.atLeast(19) ? {} : { serviceAccount: CERTGEN }),
        serviceAccountName: CERTGEN,
        automountServiceAccountToken: true,
        restartPolicy: 'OnFailure',
      },
    },
    ttlSecondsAfterFinished: 1800,
  };
}

/** certgen's configuration (YAML in an env var): the Hubble server certificate it makes. */
function certgenConfig(settings: CiliumSettings): string {
  // Hubble server names are <node>.<cluster>.hubble-grpc.cilium.io; dots in the cluster name would add labels.
  const serverName = `*.${settings.clusterName.replace(/\./g, '-')}.hubble-grpc.cilium.io`;
  const certs = {
    certs: [{
      name: HUBBLE_SERVER_CERTS,
      namespace: NAMESPACE,
      commonName: serverName,
      hosts: [serverName],
      usage: ['signing', 'key encipherment', 'server auth', 'client auth'],
      validity: `${settings.certValidityDays * 24}h`,
    }],
  };
  return yaml.stringify(certs, { indentSeq: false });
}
