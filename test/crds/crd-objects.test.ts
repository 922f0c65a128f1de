import * as fs from 'fs';
import { CRD_OBJECTS_FILE, crdObjectsModule, readCrdFiles } from '../../scripts/crd-objects';
import { CRD_OBJECTS } from '../../src/crds/generated/crd-objects';
import { NetworkCrd } from '../../src/crds';

describe('src/crds/generated/crd-objects.ts', () => {
  test('is up to date with crds/*.yaml (run `npm run crds` after editing a CRD file)', () => {
    expect(fs.readFileSync(CRD_OBJECTS_FILE, 'utf8')).toBe(crdObjectsModule());
  });

  test('holds exactly one CustomResourceDefinition per shipped CRD, under its file name', () => {
    const crds = [NetworkCrd.NETWORK_ATTACHMENT_DEFINITIONS, NetworkCrd.MULTI_NETWORK_POLICIES, NetworkCrd.IPAM_CLAIMS];
    expect(Object.keys(CRD_OBJECTS).sort()).toEqual(crds.map((c) => c.fileName).sort());
    for (const crd of crds) {
      expect(CRD_OBJECTS[crd.fileName].map((o) => `${o.kind} ${o.metadata.name}`)).toEqual([`CustomResourceDefinition ${crd.name}`]);
    }
  });

  test('equals the parse of the YAML files, document by document', () => {
    expect(CRD_OBJECTS).toEqual(readCrdFiles());
  });
});
