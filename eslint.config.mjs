// The lint of `npm test` (npm run lint): the recommended rules of ESLint and typescript-eslint, as aws-cdk's
// TypeScript packages extend them, plus the rules projen gives cdk8s-plus that catch real mistakes
// (shadowed names, duplicate imports, require() in sources). `no-explicit-any` stays off, as in projen's and
// aws-cdk's own configurations: parsed YAML and Kubernetes objects are untyped by nature here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['lib/**', 'node_modules/**', 'packages/**', 'dist/**', 'imports/**', 'src/app/generated/**', 'src/crds/generated/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      // jsii compiles with lib ES2020, whose Error takes no { cause }: a re-thrown error carries the cause's message instead
      'preserve-caught-error': 'off',
      // a values-file interface that only narrows a props interface (Omit<…>) is a named type jsii needs
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      '@typescript-eslint/no-shadow': 'error',
      'no-duplicate-imports': 'error',
      'dot-notation': 'error',
      'no-trailing-spaces': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // tests and tools may require() what they load lazily
    files: ['test/**/*.ts', 'examples/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
