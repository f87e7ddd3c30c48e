import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { vueI18nNamedVueImport } from '../../scripts/vite-vue-i18n.mjs';

export default defineConfig({
  plugins: [vue(), vueI18nNamedVueImport()],
  define: {
    // Composition API only: the Options API and devtools hooks stay out of the phone bundle.
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    // vue-i18n: the Composition API only (no legacy API), and no devtools hooks.
    __VUE_I18N_LEGACY_API__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'true',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
});
