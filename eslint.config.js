// Lint, including the layering rules of the architecture (STYLE.md): shared/ is pure, the renderer
// never reaches Node or the backend, the backend never imports Electron, the preload is narrow.
// The layers and their allowed imports are one table in eslint-rules/layers.js.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers from './eslint-rules/layers.js';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  { files: ['tests/**', 'electron/backend/cli/**', 'tests/bench/**'], rules: { 'no-console': 'off' } },
  { files: ['shared/**', 'renderer/**', 'electron/**'], plugins: { layers }, rules: { 'layers/imports': 'error' } },
  // Only the SQLCipher-compatible fork can open the encrypted database (db/database.ts, issue 12).
  {
    files: ['electron/**', 'tests/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='better-sqlite3']",
          message: 'import better-sqlite3-multiple-ciphers: the plain better-sqlite3 cannot open the encrypted database.',
        },
      ],
    },
  },
);
