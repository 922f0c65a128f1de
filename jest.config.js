// Type-checking is done once by `npm run typecheck` (tsc --noEmit); with isolatedModules in
// tsconfig.json ts-jest only transpiles each file.
const transform = { '^.+\\.ts$': 'ts-jest' };

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      // examples/ runs against src/ under the package's name, as a user's repo would import it
      testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/examples/**/*.test.ts'],
      moduleNameMapper: { '^cdk8s-multicni$': '<rootDir>/src' },
      testPathIgnorePatterns: ['<rootDir>/test/apiserver/', '<rootDir>/test/fidelity/', '<rootDir>/test/package/'],
    },
    {
      // Our output against the upstream references in a shared/upstream folder beside the checkout (skipped with a printed reason
      // when absent, failing when MULTICNI_FIDELITY=required), and the comparator's own tests.
      displayName: 'fidelity',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/fidelity/**/*.test.ts'],
    },
    {
      displayName: 'apiserver',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/apiserver/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/apiserver/cluster/'],
    },
    {
      // dist/ on a simulated cluster: the apiserver harness plus kube-scheduler, kube-controller-manager and kwok.
      displayName: 'cluster',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/apiserver/cluster/**/*.test.ts'],
    },
    {
      // the packed npm tarball and Python wheel, installed as users install them (slow: registry installs)
      displayName: 'package',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/package/**/*.test.ts'],
    },
  ],
};
