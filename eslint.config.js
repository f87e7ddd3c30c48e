import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';
import vueI18n from '@intlify/eslint-plugin-vue-i18n';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'tests/artifacts/**', 'tests/load/.build/**', 'tests/load/profiles/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'vue/no-v-html': 'error',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  // Console, stage, report and phone speak the room's language: every word on screen comes from a catalogue.
  {
    files: ['apps/facilitator/src/**/*.vue', 'apps/participant/src/**/*.vue'],
    plugins: { '@intlify/vue-i18n': vueI18n },
    rules: {
      '@intlify/vue-i18n/no-raw-text': ['error', {
        // Symbols, digits and punctuation need no translation, nor does the product's name.
        ignorePattern: '^[\\s\\d\\p{P}\\p{S}]*$',
        ignoreText: ['Leadboard'],
        // Attributes that reach the screen, the apps' own components' included.
        attributes: { '/.+/': ['title', 'aria-label', 'placeholder', 'alt', 'label', 'confirm', 'detail', 'submit-label', 'busy-label'] },
      }],
    },
  },
  {
    files: ['apps/facilitator/src/**/*.{ts,vue}'],
    plugins: { '@intlify/vue-i18n': vueI18n },
    settings: { 'vue-i18n': { localeDir: ['apps/facilitator/src/i18n/*.json', 'packages/core/src/i18n/*.json'], messageSyntaxVersion: '^11.0.0' } },
    rules: { '@intlify/vue-i18n/no-missing-keys': 'error' },
  },
  {
    files: ['apps/participant/src/**/*.{ts,vue}'],
    plugins: { '@intlify/vue-i18n': vueI18n },
    settings: {
      'vue-i18n': {
        localeDir: [
          { pattern: 'apps/participant/src/i18n/*.json', localeKey: 'file' },
          { pattern: 'packages/core/src/i18n/*.json', localeKey: 'file' },
        ],
        messageSyntaxVersion: '^11.0.0',
      },
    },
    rules: { '@intlify/vue-i18n/no-missing-keys': 'error' },
  },
  // Type-aware rules: promises are awaited or deliberately let go, thenables are real, assertions say something.
  {
    files: ['apps/*/src/**/*.{ts,vue}', 'apps/*/test/**/*.ts', 'packages/*/src/**/*.{ts,vue}', 'tests/e2e/**/*.ts', 'tests/load/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.vue'] } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
);
