import * as path from 'path';
import { yaml } from '../../src/util/yaml';

const cdk8sDir = path.dirname(require.resolve('cdk8s/package.json'));
const cdk8sYamlFile = require.resolve('yaml', { paths: [cdk8sDir] });
const ownYamlFile = require.resolve('yaml');

test('is a working yaml module', () => {
  expect(typeof yaml.stringify).toBe('function');
  expect(yaml.stringify({ a: [1, 'b'] })).toBe('a:\n  - 1\n  - b\n');
});

test('is the copy cdk8s already loaded when it is the same version, else this package\'s own', () => {
  const same = require(path.join(path.dirname(path.dirname(cdk8sYamlFile)), 'package.json')).version === require('yaml/package.json').version;
  expect(yaml).toBe(require(same ? cdk8sYamlFile : ownYamlFile));
  // both copies are installed here; the point is to load one of them only
  expect(cdk8sYamlFile).not.toBe(ownYamlFile);
});
