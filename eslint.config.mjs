// @ts-check
/**
 * Lint rules (`npm run lint`, see docs/conventions.md "Lint and format"). typescript-eslint's type-checked
 * recommendations catch floating and misused promises, unsafe `any` and needless casts; formatting is
 * prettier's job (eslint-config-prettier turns eslint's style rules off).
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** Layering (docs/architecture.md): shared code by its alias, botbuilder only in the bot host and dispatcher. */
const restrictedImports = {
  patterns: [
    { regex: '^(\\.\\./)+(shared/src)(/|$)', message: 'Importeer gedeelde code via @shared/... (docs/conventions.md).' },
    {
      group: ['botbuilder', 'botbuilder-*', 'botframework-*'],
      message: 'botbuilder hoort alleen in bot/src/host en bot/src/bot.ts (docs/architecture.md).',
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', '**/dist/', 'appPackage/build/', 'coverage/', 'devTools/', 'tests/e2e/artifacts/', 'data/', 'out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // An async function that awaits nothing is fine where an interface asks for a promise.
      '@typescript-eslint/require-await': 'off',
      // Flags String(x) on values that zod already narrowed to primitives; noise here.
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // React event handlers may be async; express handlers may not (express 4 drops their rejections).
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      'no-restricted-imports': ['error', restrictedImports],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The SDK's own adapters.
    files: ['bot/src/host/**', 'bot/src/bot.ts', 'tests/**', 'bench/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: restrictedImports.patterns.slice(0, 1) }] },
  },
  {
    // Tests and benchmarks read untyped HTTP bodies and JSON files; `any` there is checked by expect().
    files: ['tests/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      // Fakes throw Graph-shaped error bodies on purpose.
      '@typescript-eslint/only-throw-error': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  prettier,
);
