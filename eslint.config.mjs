// ESLint (flat config) with typescript-eslint's recommended rules, for the server, the client, the
// scripts and the tests. Formatting is Prettier's (.prettierrc.json); `npm run lint` runs both.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.cache/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      // `_`-prefixed parameters and destructured leftovers are deliberate (`({ section, ...p }) => p`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  // The table view's renderer runs in a webview (a browser page), not in Node.
  { files: ['client/webview/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
);
