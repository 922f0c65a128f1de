import { parse } from 'yaml';
import { Preset } from '../../src';
import { CiliumImages, HubbleTls } from '../../src/cilium';
import { validateManifests } from '../util/k8s-schema';
import { agentContainer, ciliumConfig, find, synthCilium } from './helpers';

const KEY_MATERIAL = /PRIVATE KEY|BEGIN CERTIFICATE|tls\.key"\s*:\s*"[A-Za-z0-9+/=]{16}|ca\.key"\s*:\s*"[A-Za-z0-9+/=]{16}|LS0tLS1CRUdJTi/;

describe('Hubble TLS', () => {
  test.each<[string, HubbleTls | undefined]>([
    ['default', undefined],
    ['CRON_JOB', HubbleTls.CRON_JOB],
    ['cronJob({...})', HubbleTls.cronJob({ schedule: '15 2 * * 1', certValidityDays: 90 })],
    ['DISABLED', HubbleTls.DISABLED],
  ])('%s renders no Secret and no key material', (_name, hubbleTls) => {
    const objects = synthCilium(hubbleTls ? { hubbleTls } : {});
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    // Any data that looks like a PEM block or base64 of one, anywhere in the output.
    const text = JSON.stringify(objects);
    expect(text).not.toMatch(KEY_MATERIAL);
    for (const o of objects) {
      for (const key of Object.keys(o.data ?? {})) expect(['tls.key', 'ca.key']).not.toContain(key);
    }
  });

  test('the key-material check catches a Secret holding a key', () => {
    // Guards the guard: the same pattern must fire on what the chart's helm method would render.
    const leaked = JSON.stringify([{ kind: 'Secret', data: { 'tls.key': Buffer.from('-----BEGIN RSA PRIVATE KEY-----').toString('base64') } }]);
    expect(leaked).toMatch(KEY_MATERIAL);
  });

  test('the default release (1.20.0) defaults to CRON_JOB too: TLS on, certgen Job and CronJob', () => {
    const objects = synthCilium();
    expect(ciliumConfig(objects)['hubble-disable-tls']).toBe('false');
    expect(find(objects, 'Job', 'hubble-generate-certs-<hash>').spec.template.spec.containers[0].image).toMatch(/\/certgen:v0\.4\.8@sha256:/);
    expect(find(objects, 'CronJob', 'hubble-generate-certs').spec.schedule).toBe('0 0 1 */4 *');
  });

  // The certgen details below are the 1.16.7 chart's (the fidelity suite holds every release to its chart).
  test('default is CRON_JOB: TLS on, certificates generated in-cluster by certgen (seed preset, 1.16.7)', () => {
    const objects = synthCilium({ preset: Preset.SEED });
    const config = ciliumConfig(objects);
    expect(config['hubble-disable-tls']).toBe('false');
    expect(config['hubble-tls-cert-file']).toBe('/var/lib/cilium/tls/hubble/server.crt');
    expect(config['hubble-tls-key-file']).toBe('/var/lib/cilium/tls/hubble/server.key');
    expect(config['hubble-tls-client-ca-files']).toBe('/var/lib/cilium/tls/hubble/client-ca.crt');

    const pod = find(objects, 'DaemonSet', 'cilium').spec.template.spec;
    const volume = pod.volumes.find((v: { name: string }) => v.name === 'hubble-tls');
    expect(volume.projected.sources).toEqual([{
      secret: {
        name: 'hubble-server-certs',
        optional: true,
        items: [{ key: 'tls.crt', path: 'server.crt' }, { key: 'tls.key', path: 'server.key' }, { key: 'ca.crt', path: 'client-ca.crt' }],
      },
    }]);
    expect(agentContainer(objects, 'cilium-agent').volumeMounts).toContainEqual({ name: 'hubble-tls', mountPath: '/var/lib/cilium/tls/hubble', readOnly: true });

    const job = find(objects, 'Job', 'hubble-generate-certs-<hash>');
    const cron = find(objects, 'CronJob', 'hubble-generate-certs');
    expect(cron.spec.schedule).toBe('0 0 1 */4 *');
    expect(cron.spec.concurrencyPolicy).toBe('Forbid');
    expect(cron.spec.jobTemplate.spec).toEqual(job.spec);
    const pod2 = job.spec.template.spec;
    expect(pod2.serviceAccountName).toBe('hubble-generate-certs');
    expect(pod2.restartPolicy).toBe('OnFailure');
    const certgen = pod2.containers[0];
    expect(certgen.image).toBe(CiliumImages.CERTGEN);
    expect(certgen.command).toEqual(['/usr/bin/cilium-certgen']);
    expect(certgen.args).toEqual(['--ca-generate', '--ca-reuse-secret', '--ca-secret-namespace=kube-system', '--ca-secret-name=cilium-ca', '--ca-common-name=Cilium CA']);
    expect(parse(certgen.env[0].value)).toEqual({
      certs: [{
        name: 'hubble-server-certs',
        namespace: 'kube-system',
        commonName: '*.default.hubble-grpc.cilium.io',
        hosts: ['*.default.hubble-grpc.cilium.io'],
        usage: ['signing', 'key encipherment', 'server auth', 'client auth'],
        validity: '8760h',
      }],
    });
    expect(job.spec.ttlSecondsAfterFinished).toBe(1800);

    const role = find(objects, 'Role', 'hubble-generate-certs');
    expect(role.rules).toContainEqual({ apiGroups: [''], resources: ['secrets'], verbs: ['create'] });
    expect(role.rules).toContainEqual({ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'update'], resourceNames: ['cilium-ca'] });
    expect(find(objects, 'RoleBinding', 'hubble-generate-certs').subjects)
      .toEqual([{ kind: 'ServiceAccount', name: 'hubble-generate-certs', namespace: 'kube-system' }]);
    expect(find(objects, 'Service', 'hubble-peer').spec.ports[0].port).toBe(443);
  });

  test('DISABLED: plain-text Hubble on port 80, no certgen, no certificate volume', () => {
    const objects = synthCilium({ hubbleTls: HubbleTls.DISABLED });
    const config = ciliumConfig(objects);
    expect(config['hubble-disable-tls']).toBe('true');
    expect(config['hubble-tls-cert-file']).toBeUndefined();
    expect(config['enable-hubble']).toBe('true');
    expect(objects.filter((o) => o.metadata.name.startsWith('hubble-generate-certs'))).toEqual([]);
    expect(find(objects, 'DaemonSet', 'cilium').spec.template.spec.volumes.map((v: { name: string }) => v.name)).not.toContain('hubble-tls');
    expect(find(objects, 'Service', 'hubble-peer').spec.ports[0].port).toBe(80);
    expect(validateManifests(objects)).toEqual([]);
  });

  test('the certgen objects validate against the upstream schema', () => {
    const objects = synthCilium({ hubbleTls: HubbleTls.cronJob({ schedule: '30 1 * * *' }) });
    expect(validateManifests(objects.filter((o) => o.metadata.name.startsWith('hubble-generate-certs')))).toEqual([]);
  });
});
