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

test('is this package\'s own copy when cdk8s bundles another version of yaml', () => {
  const cdk8sYamlPackage = require.resolve('yaml/package.json', { paths: [cdk8sDir] });
  jest.isolateModules(() => {
    // only the version cdk8s's copy reports differs; both copies are the real installed modules
    jest.doMock(cdk8sYamlPackage, () => ({ version: '0.0.0-not-ours' }));
    const { yaml: loaded } = require('../../src/util/yaml');
    expect(loaded).toBe(require(ownYamlFile));
    expect(loaded).not.toBe(require(cdk8sYamlFile));
    expect(loaded.stringify({ a: 1 })).toBe('a: 1\n');
  });
});

test('is cdk8s\'s copy when both report the same version (as the installed copies do here)', () => {
  const ownVersion: string = require('yaml/package.json').version;
  const cdk8sYamlPackage = require.resolve('yaml/package.json', { paths: [cdk8sDir] });
  jest.isolateModules(() => {
    jest.doMock(cdk8sYamlPackage, () => ({ version: ownVersion }));
    const { yaml: loaded } = require('../../src/util/yaml');
    expect(loaded).toBe(require(cdk8sYamlFile));
    expect(loaded).not.toBe(require(ownYamlFile));
  });
});
