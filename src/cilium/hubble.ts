import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { contentHash } from '../util/content-hash';
import { yaml } from '../util/yaml';
import { AGENT_SELECTOR } from './agent-selector';
import { CA_SECRET, CERTGEN, HUBBLE_PEER, HUBBLE_SERVER_CERTS, NAMESPACE, PART_OF } from './names';
import { HUBBLE_RELAY_CLIENT_CERTS } from './hubble-relay';
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
 * the CA Secret `cilium-ca` and `hubble-server-certs` (and Hubble Relay's certificates) once, and a
 * CronJob that renews them. No key is ever part of the manifests. The chart marks the Job as a Helm
 * post-install hook up to 1.18; applied with kubectl it simply runs once.
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
    metadata: { name: certgenJobName(jobSpec), namespace: NAMESPACE, labels },
    spec: jobSpec,
  });
}

/**
 * The one-off Job's name: `hubble-generate-certs-` and 10 hex digits of a hash of its spec, the scheme of
 * the 1.19+ charts (templates/hubble/tls-cronjob/job.yaml: `$jobSpec | sha256sum | trunc 10`). A Job's pod
 * template is immutable, so any change of the spec (another version's certgen image, Relay's certificates
 * added) must be a new Job: under one fixed name `kubectl apply` fails with "field is immutable". The chart
 * hashes its template text; we hash the spec we render (canonical JSON), so the digits differ from the
 * chart's but follow the same inputs. Used in every version, 1.16 and 1.18 included (whose charts keep one
 * name and rely on Helm hooks), so an upgrade from any of them applies.
 */
export function certgenJobName(jobSpec: k8s.JobSpec): string {
  return `${CERTGEN}-${contentHash(jobSpec)}`;
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
    // Up to 1.18 the chart removes finished Jobs after 30 minutes; from 1.19 the hash-named Job stays
    // (a GitOps tool would re-create a deleted one) and the CronJob's history limits prune its runs.
    ...(version.atLeast(19) ? {} : { ttlSecondsAfterFinished: 1800 }),
  };
}

/** Hubble Relay's certificate name, which the agents' Hubble servers accept as a client. */
const RELAY_NAME = '*.hubble-relay.cilium.io';

/** certgen's configuration (YAML in an env var): the certificates it makes. */
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
    },
    // Relay's client certificate for the agents' Hubble servers (Relay itself serves without TLS).
    ...(settings.hubbleRelay ? [{
      name: HUBBLE_RELAY_CLIENT_CERTS,
      namespace: NAMESPACE,
      commonName: RELAY_NAME,
      hosts: [RELAY_NAME],
      usage: ['signing', 'key encipherment', 'client auth'],
      validity: `${settings.certValidityDays * 24}h`,
    }] : [])],
  };
  return yaml.stringify(certs, { indentSeq: false });
}
