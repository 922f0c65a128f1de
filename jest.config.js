// Type-checking is done once by `npm run typecheck` (tsc --noEmit); with isolatedModules in
// tsconfig.json ts-jest only transpiles each file.
const transform = { '^.+\\.ts$': 'ts-jest' };

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/apiserver/'],
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
  ],
};
