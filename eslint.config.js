// Lint, including the layering rules of the architecture (STYLE.md): shared/ is pure, the renderer
// never reaches Node or the backend, the backend never imports Electron, the preload is narrow.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeModules = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads'];

function layer(files, forbidden, message) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message })) }],
    },
  };
}

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
  layer(['shared/**'], [...nodeModules, 'electron', 'better-sqlite3*', 'react', 'react-dom', '**/electron/**', '**/renderer/**'], 'shared/ is pure TypeScript: it imports only shared/.'),
  layer(['renderer/**'], [...nodeModules, 'electron', 'better-sqlite3*', '**/electron/**'], 'the renderer talks to the contract (shared/contract), never to Node or the backend.'),
  layer(['electron/backend/**'], ['electron', '**/electron/main/**', '**/electron/preload/**', '**/renderer/**'], 'electron/backend is plain Node: it never imports Electron or the UI.'),
  layer(['electron/preload/**'], [...nodeModules, 'better-sqlite3*', '**/backend/**', '**/renderer/**', '**/shared/domain/**'], 'the preload imports only electron and shared/contract.'),
  layer(['electron/main/**'], ['**/renderer/**'], 'the main process does not import the UI.'),
  // Only the SQLCipher-compatible fork can open the encrypted database (db/database.ts, issue 12).
  {
    files: ['electron/**', 'tests/**'],
    rules: { 'no-restricted-syntax': ['error', { selector: "ImportDeclaration[source.value='better-sqlite3']", message: 'import better-sqlite3-multiple-ciphers: the plain better-sqlite3 cannot open the encrypted database.' }] },
  },
);
