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
      testPathIgnorePatterns: ['<rootDir>/test/apiserver/', '<rootDir>/test/fidelity/'],
    },
    {
      // Our output against the upstream references in ../shared/upstream (skipped with a printed reason
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
    },
  ],
};
