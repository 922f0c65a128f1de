// Type-checking is done once by `npm run typecheck` (tsc --noEmit); jest only transpiles.
const transform = { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] };

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
    },
  ],
};
