/** BUILTIN_GROUPS is the set of API groups the tested kube-apiservers serve themselves (their OpenAPI v3 specs). */
import * as fs from 'fs';
import { BUILTIN_GROUPS, TOTAL_ANNOTATION_SIZE_LIMIT, clientSideApplyAnnotationSize } from '../../src/gitops/kubernetes-facts';
import { openApiSpecDirs } from '../util/openapi-spec';

const specs = openApiSpecDirs();
const ci = process.env.CI === 'true';
if (!specs.available && !ci) console.log(`skipping the built-in group check: ${specs.reason}`);

(specs.available || ci ? test : test.skip)('the groups of the specs\' group-version files, the core group as ""', () => {
  expect(specs.available).toBe(true);
  if (!specs.available) return;
  const groups = new Set<string>();
  for (const dir of specs.dirs.values()) {
    for (const f of fs.readdirSync(dir)) {
      if (f === 'api__v1_openapi.json') groups.add('');
      const m = /^apis__(.+)__v[^_]+_openapi\.json$/.exec(f);
      if (m) groups.add(m[1]);
    }
  }
  expect([...BUILTIN_GROUPS].sort()).toEqual([...groups].sort());
});

test('the limit and the size client-side apply gives an object', () => {
  expect(TOTAL_ANNOTATION_SIZE_LIMIT).toBe(262144);
  const o = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', annotations: { k: 'v' } }, data: { x: '<' } };
  // own annotations (k + v) + the last-applied key (48) + the JSON, with `<` as \u003c
  expect(clientSideApplyAnnotationSize(o)).toBe(2 + 48 + Buffer.byteLength(JSON.stringify(o)) + 5);
});
