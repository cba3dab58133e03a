// Type-aware lint plus the dependency rules of docs/architecture.md, enforced per folder.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const layer = (name) => ({ group: [`**/${name}/**`, `**/${name}`], message: `this layer may not import ${name}` });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'bench/results/**', 'src/web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The domain is pure: no I/O, no other layer, no packages except zod (the contract) and Temporal.
    files: ['src/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!\\.{1,2}/)(?!zod$)(?!temporal-polyfill$)', message: 'domain imports only itself, zod and temporal-polyfill' },
            ...['db', 'services', 'http', 'main', 'web', 'jobs', 'adapters', 'config'].map((name) => ({
              group: [`**/${name}/**`, `**/${name}`],
              message: 'domain imports nothing outside src/domain',
            })),
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'domain reads no environment' }, { name: 'Date', message: 'domain takes the clock as a parameter' }],
    },
  },
  {
    // Domain tests may use the test runner and property testing; the code under test may not.
    files: ['src/domain/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!\\.{1,2}/)(?!zod$)(?!temporal-polyfill$)(?!vitest$)(?!fast-check$)', message: 'domain tests import only vitest and fast-check besides the domain' }] },
      ],
    },
  },
  {
    files: ['src/services/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [layer('http'), layer('main'), layer('web'), layer('jobs'), layer('config'), layer('adapters')] }],
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [layer('http'), layer('main'), layer('web'), layer('jobs'), layer('services'), layer('adapters')] }],
    },
  },
  {
    files: ['src/adapters/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [layer('http'), layer('main'), layer('web'), layer('jobs'), layer('db')] }],
    },
  },
  {
    files: ['src/http/**/*.ts', 'src/jobs/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [layer('main'), layer('web'), { ...layer('repositories'), message: 'go through a service' }, { ...layer('migrations') }] },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { ...layer('services'), allowTypeImports: false },
            layer('db'),
            layer('adapters'),
            layer('main'),
            layer('jobs'),
            layer('config'),
            { group: ['**/http/**'], allowTypeImports: true, message: 'web takes only types from http' },
          ],
        },
      ],
    },
  },
);
