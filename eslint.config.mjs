// ESLint flat config: JavaScript's and typescript-eslint's recommended rules, Next's own
// (core web vitals, React, React hooks with the React Compiler checks, jsx-a11y, import) and,
// last, eslint-config-prettier, which turns off every rule that Prettier (`prettier --check`)
// already decides.
import js from '@eslint/js';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';

// React code lives in app/ and components/. Elsewhere (lib/, cli/, scripts/, e2e/) a function
// named `use…` is a Koa middleware or a Playwright fixture, not a hook, and running the React
// Compiler checks there would only cost time.
const reactRules = Object.keys(nextVitals.find((config) => config.name === 'next').rules).filter((rule) => rule.startsWith('react/') || rule.startsWith('react-hooks/'));

export default defineConfig([
  globalIgnores([
    '.next/**',
    'next-env.d.ts',
    'lib/db/generated/**',
    'prisma/migrations/**',
    'public/**',
    'data/**',
    'test-results/**',
    'playwright-report/**',
    'bench/results/**',
  ]),
  // A disable comment that no longer suppresses anything is removed, not left to mislead.
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // Unused code is an error, not a warning; a leading underscore marks a deliberately unused
      // parameter or binding (a signature a callback must match, a rest sibling left out).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-unused-expressions': 'error',
    },
  },
  {
    files: ['**/*'],
    ignores: ['app/**', 'components/**'],
    rules: Object.fromEntries(reactRules.map((rule) => [rule, 'off'])),
  },
  {
    // Node's CommonJS preloads (`node --require`).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
]);
