import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { vueI18nNamedVueImport } from '../../scripts/vite-vue-i18n.mjs';

export default defineConfig({
  base: '/host/',
  plugins: [vue(), vueI18nNamedVueImport()],
  define: {
    // Composition API only: the Options API and devtools hooks stay out of the bundle.
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    // vue-i18n: Composition API only, components imported where used, no devtools; messages compiled in the browser.
    __VUE_I18N_LEGACY_API__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    emptyOutDir: true,
    // Read by scripts/bundle-size.mjs; the server does not serve dot-folders.
    manifest: true,
  },
});
