// Type-aware lint for server, web, bench and e2e. Floating promises are the classic
// Node bug that loses writes silently, so they are errors everywhere.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** An import that reaches up from platform/ or db/ into the modules, the start-up sequence, the demo or the app. */
const ABOVE_MODULES = '(^|/)(startup|demo)/|(^|/)(app|main)\\.ts$';
const UPWARD = `(^|/)modules/|${ABOVE_MODULES}`;
const BELOW_MODULES = 'platform/ and db/ import no module (nor startup/, demo/, app.ts): modules build on them, never the other way (docs/architecture.md).';

export default tseslint.config(
  { ignores: ['eslint.config.js', 'node_modules/', 'web/dist/', 'server/dist/', 'data/', '**/*.mjs', 'web/src/app/api-schema.ts', 'e2e/artifacts/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Fastify plugins and route handlers are async by contract even when they await nothing.
      '@typescript-eslint/require-await': 'off',
      // Small files (docs/architecture.md): a source file past 400 lines wants splitting by behaviour.
      'max-lines': ['error', { max: 400 }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]", message: 'Remove .only before committing.' },
      ],
    },
  },
  // The layering (docs/architecture.md): platform/ and db/ sit below the modules and import none
  // of them, nor the start-up sequence, the demo or the app that assembles them. The one exception
  // is db/tables.ts, which gathers every module's table types into one Kysely schema.
  {
    files: ['server/src/platform/**/*.ts', 'server/src/db/**/*.ts'],
    ignores: ['server/src/db/tables.ts', '**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: UPWARD, message: BELOW_MODULES }] }] },
  },
  {
    files: ['server/src/db/tables.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: `(^|/)modules/(?![^/]+/tables\\.ts$)|${ABOVE_MODULES}`, message: BELOW_MODULES }] }],
    },
  },
  // Everything else reaches the database through a Context (platform/context.ts), which keeps how a
  // transaction gets its scope in one place.
  {
    files: ['server/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts'],
    ignores: ['server/src/platform/**', 'server/src/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)db/scoped\\.ts$', importNames: ['runInScope'], message: 'Reach the database through a Context (ctx.run); only platform/ and db/ open scoped transactions.' }] },
      ],
    },
  },
  // The web app talks to the server over HTTP only; the API types it needs are generated into web/.
  {
    files: ['web/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)server/', message: 'The web app does not import server code; use the generated API types.' }] }] },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'server/test/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    // Tests read JSON bodies as `any` on purpose: the assertion is the type check.
    rules: {
      // Tests may run longer than code, up to 800 lines: past that, split by behaviour.
      'max-lines': ['error', { max: 800 }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
);
