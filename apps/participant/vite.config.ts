import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin } from 'vite';

/**
 * vue-i18n reaches Vue through `import * as Vue from 'vue'` only to call `getCurrentInstance` (it
 * first probes `'currentInstance' in Vue`, which Vue 3.5 does not export). A namespace read by a
 * dynamic key keeps every export of Vue in the bundle, about 13 KB gzipped on the phone; naming the
 * one function it uses lets the rest be shaken out, with the same behaviour.
 */
function vueI18nNamedVueImport(): Plugin {
  const namespace = "import * as Vue from 'vue';";
  return {
    name: 'leadboard:vue-i18n-named-vue-import',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]vue-i18n[\\/]dist[\\/]/.test(id)) return null;
      if (!code.includes(namespace)) {
        this.warn('vue-i18n no longer imports Vue as a namespace: this plugin can go.');
        return null;
      }
      return code.replace(namespace, "import { getCurrentInstance as vueGetCurrentInstance } from 'vue';\nconst Vue = { getCurrentInstance: vueGetCurrentInstance };");
    },
  };
}

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
