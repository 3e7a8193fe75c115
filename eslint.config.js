// ESLint: the recommended rules, type-aware, and the import boundary of the code that runs in web pages.
// typescript-eslint comes from scripts/lint-ts, which gives it the TypeScript 6 it parses with: the
// root's TypeScript 7 (the native compiler, used by `tsc`) has no JavaScript API.
import js from '@eslint/js';
import tseslint from 'backstory-lint-ts';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';

/**
 * Code that runs in web pages: the content script and everything it imports, including the card it
 * renders. It must stay small and must not reach the worker's code (its store included), the extension
 * pages' code or the zod schemas.
 */
export const PAGE_CODE = [
  'entrypoints/content/**',
  'entrypoints/card.content.ts',
  'utils/in-page/**',
  'utils/match/**',
  'utils/messaging/transport.ts',
  'utils/messaging/limits.ts',
  'utils/messaging/tab-protocol.ts',
  'components/card/**',
];

/**
 * Text a reader sees must come from the catalogue (utils/i18n, assets/locales): this flags letters
 * written straight into components — JSX text, the user-visible attributes, strings and templates
 * placed in JSX, and confirm/alert/prompt messages. Symbols and numbers alone ("·", "×", "2") pass.
 */
const WORDS = /\p{L}{2,}/u;
const VISIBLE_ATTRS = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);
const textOf = (node) =>
  node.type === 'Literal' && typeof node.value === 'string'
    ? node.value
    : node.type === 'TemplateLiteral'
      ? node.quasis.map((q) => q.value.cooked).join(' ')
      : null;
/** Strings in a JSX expression, through ?:, && and || (not through calls, whose arguments are keys or data). */
function* shownStrings(node) {
  if (!node) return;
  if (node.type === 'Literal' || node.type === 'TemplateLiteral') yield node;
  else if (node.type === 'ConditionalExpression') yield* [...shownStrings(node.consequent), ...shownStrings(node.alternate)];
  else if (node.type === 'LogicalExpression') yield* shownStrings(node.right);
}
export const i18nPlugin = {
  rules: {
    'no-stray-text': {
      meta: {
        type: 'problem',
        messages: {
          stray: 'User-visible text "{{text}}" belongs in assets/locales (use t() or plural() from utils/i18n).',
          table: 'A hand-written translation table: put each language’s text in assets/locales instead.',
        },
      },
      create(context) {
        const seen = new WeakSet();
        const report = (node, text) => {
          if (seen.has(node)) return;
          seen.add(node);
          context.report({ node, messageId: 'stray', data: { text: text.trim().slice(0, 40) } });
        };
        const check = (node) => {
          for (const s of shownStrings(node)) {
            const text = textOf(s);
            if (text && WORDS.test(text)) report(s, text);
          }
        };
        return {
          JSXText(node) {
            if (WORDS.test(node.value)) report(node, node.value);
          },
          JSXExpressionContainer(node) {
            if (node.parent.type === 'JSXAttribute') {
              const name = node.parent.name.name;
              if (typeof name === 'string' && VISIBLE_ATTRS.has(name)) check(node.expression);
            } else check(node.expression);
          },
          JSXAttribute(node) {
            const name = node.name.name;
            if (typeof name === 'string' && VISIBLE_ATTRS.has(name) && node.value?.type === 'Literal') check(node.value);
          },
          // `fr ? 'Bonjour' : 'Hello'`: a language switch written in place.
          ConditionalExpression(node) {
            const src = context.sourceCode.getText(node.test);
            if (/\b(fr|french|lang|isFrench)\b/i.test(src)) {
              for (const s of [node.consequent, node.alternate]) {
                const text = textOf(s);
                if (text && WORDS.test(text)) report(s, text);
              }
            }
          },
          ObjectExpression(node) {
            const keys = new Set(node.properties.map((p) => (p.type === 'Property' && p.key.type === 'Identifier' ? p.key.name : null)));
            if (keys.has('en') && keys.has('fr')) context.report({ node, messageId: 'table' });
          },
          CallExpression(node) {
            const callee = node.callee.type === 'MemberExpression' ? node.callee.property : node.callee;
            if (callee.type === 'Identifier' && ['confirm', 'alert', 'prompt'].includes(callee.name)) check(node.arguments[0]);
          },
        };
      },
    },
  },
};

// An import written from the root alias (@/, ~/, @@/, ~~/) or relative to the importing file.
const LOCAL = String.raw`^(?:[@~]{1,2}/|(?:\.{1,2}/)+)`;

const pageBoundary = {
  paths: [
    { name: 'zod', allowTypeImports: true, message: 'zod stays out of web pages: validate in the worker; import types only.' },
    { name: 'idb', allowTypeImports: true, message: 'The store lives in the worker; page code asks it by message.' },
  ],
  patterns: [
    { regex: String.raw`^(?:zod|idb)/`, caseSensitive: true, allowTypeImports: true, message: 'zod and idb stay out of web pages; import types only.' },
    {
      regex: LOCAL + String.raw`(?:.*/)?(?:worker|background|store|schema)(?:/|\.tsx?$|$)`,
      caseSensitive: true,
      allowTypeImports: true,
      message: 'Page code must not pull in the worker (its store and dispatcher included) or the zod schemas (only their types).',
    },
    {
      regex: LOCAL + String.raw`(?:.*/)?(?:messaging/)?protocol(?:\.tsx?)?$`,
      caseSensitive: true,
      allowTypeImports: true,
      message: 'The protocol schemas are not for web pages: use utils/in-page/send and limits.',
    },
    {
      regex: LOCAL + String.raw`(?:.*/)?ext-pages(?:/|$)`,
      caseSensitive: true,
      allowTypeImports: true,
      message: 'Extension-page code (its components and zod-checked client) does not run in web pages.',
    },
  ],
};

/** The main content script: its card's drawing comes from the card's own script (utils/in-page/card-ui.ts). */
const MAIN_SCRIPT = ['entrypoints/content/**', 'utils/in-page/**'];
const mainScriptBoundary = {
  paths: [...pageBoundary.paths, { name: 'preact', allowTypeImports: true, message: "Preact comes with the card's script: reach it through card-ui.ts." }],
  patterns: [
    ...pageBoundary.patterns,
    { regex: String.raw`^preact/`, caseSensitive: true, allowTypeImports: true, message: "Preact comes with the card's script: reach it through card-ui.ts." },
    {
      regex: LOCAL + String.raw`(?:.*/)?components/card(?:/|$)`,
      caseSensitive: true,
      allowTypeImports: true,
      message: "The card's components are compiled with the card's script, not the main one: reach them through card-ui.ts.",
    },
  ],
};

export default defineConfig(
  globalIgnores(['.output/', '.wxt/', 'out/', '.e2e-tmp/', '.drafts/', 'node_modules/', 'assets/']),
  {
    files: ['**/*.{js,mjs,ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Preact event handlers may be async: each one catches and shows its own errors.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Passing on what was caught, or an abort signal's reason, keeps the original error.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      // `const { type: _t, ...body } = msg` is how a key is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}', 'utils/**/*.ts'],
    plugins: { i18n: i18nPlugin },
    rules: { 'i18n/no-stray-text': 'error' },
  },
  {
    // Node-side code: build scripts, the test harness and the configs.
    files: ['scripts/**', 'tests/**', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['scripts/**', 'tests/**'],
    rules: {
      // Tests corrupt fixtures through `any`, and tests and benchmarks read untyped results from the
      // browser (page.evaluate, CDP): the no-unsafe-* rules would flag every such line.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Test fakes implement async interfaces with plain `async` methods.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // .js and .mjs files are not in the TypeScript project: no type-aware rules for them.
    files: ['**/*.{js,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: PAGE_CODE,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', pageBoundary],
      // A dynamic import() would slip past the rule above (and a content script cannot load chunks).
      'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: 'No dynamic import() in page code.' }],
    },
  },
  {
    files: MAIN_SCRIPT,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', mainScriptBoundary] },
  },
);
