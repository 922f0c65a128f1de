import * as path from 'path';
import type * as Yaml from 'yaml';

// The `yaml` module. cdk8s bundles its own copy of yaml and loads it when it starts; when that copy is the
// very version this package depends on, it is used instead of loading a second one (72 modules, ~15 ms of
// a ~0.4 s synth). The same version is the same code, so output cannot differ; any other version, or a
// cdk8s without a bundled copy, gets this package's own.

function loadYaml(): typeof Yaml {
  /* eslint-disable @typescript-eslint/no-require-imports */
  try {
    const cdk8sDir = path.dirname(require.resolve('cdk8s/package.json'));
    const theirs = require.resolve('yaml/package.json', { paths: [cdk8sDir] });
    const ours = require.resolve('yaml/package.json');
    if (theirs !== ours && require(theirs).version === require(ours).version) {
      return require(require.resolve('yaml', { paths: [cdk8sDir] })) as typeof Yaml;
    }
  } catch {
    // no resolvable cdk8s copy: ours
  }
  return require('yaml') as typeof Yaml;
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/** The yaml library (this package's version). */
export const yaml: typeof Yaml = loadYaml();
