// ESLint (flat config), part of `npm test`. Beyond typescript-eslint's recommended rules it enforces two
// habits of this project: page content never reaches an HTML sink or an evaluator, and the pure logic in
// utils/ stays free of browser APIs and of the UI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';

/** Sinks no-unsanitized does not cover: JSX props that take HTML, and frames built from a string. */
export const HTML_SINK_SYNTAX = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Page content is shown as text only: no dangerouslySetInnerHTML.' },
  { selector: "JSXAttribute[name.name=/^srcdoc$/i]", message: 'No srcdoc: a frame built from a string runs its markup.' },
  { selector: "MemberExpression[property.name=/^srcdoc$/i]", message: 'No srcdoc: a frame built from a string runs its markup.' },
  { selector: "Property[key.name=/^(innerHTML|outerHTML|srcdoc)$/]", message: 'No HTML sink set through an object (Object.assign and the like).' },
  { selector: "CallExpression[callee.property.name=/^(setHTML|setHTMLUnsafe|parseHTMLUnsafe)$/]", message: 'No HTML parsing of strings into the page.' },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'tests/fixtures/**', 'cli/node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node, ...globals.webextensions },
    },
    plugins: { 'no-unsanitized': nounsanitized },
    rules: {
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...HTML_SINK_SYNTAX],
      // The sanitisers match control characters on purpose.
      'no-control-regex': 'off',
      // `_name` marks a value left out on purpose (`const { text: _text, ...rest } = record`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    // The pure logic: no browser APIs (only utils/browser/ adapts them) and nothing from the UI.
    files: ['utils/**/*.{ts,tsx}'],
    ignores: ['utils/browser/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'wxt/browser', message: 'Only utils/browser/ and entrypoints/ touch extension APIs.' },
            { name: 'webextension-polyfill', message: 'Only utils/browser/ and entrypoints/ touch extension APIs.' },
          ],
          patterns: [{ group: ['**/entrypoints/**', '**/components/**'], message: 'utils/ never imports from entrypoints/ or components/.' }],
        },
      ],
    },
  },
  {
    // Tests, scripts and benchmarks reach into untyped globals of the pages they drive (`chrome` inside
    // page.evaluate, stand-ins for browser APIs); the product code keeps both rules.
    files: ['tests/**', 'scripts/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-this-alias': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
