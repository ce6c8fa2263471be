import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import moduleDoor from './apps/server/lint/module-door.rule.js';

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'data/**', 'artifacts/**', '**/dist/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['apps/kiosk/**', 'apps/member/**', 'apps/console/**', 'packages/web-kit/**', '**/*.browser.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // One door per server module (docs/architecture.md): the test harness, benches and browser specs may reach in.
    files: ['apps/server/src/**/*.ts'],
    plugins: { shualian: moduleDoor },
    rules: { 'shualian/module-door': 'error' },
  },
);
