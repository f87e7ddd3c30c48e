/**
 * vue-i18n reaches Vue through `import * as Vue from 'vue'` only to call `getCurrentInstance` (it
 * first probes `'currentInstance' in Vue`, which Vue 3.5 does not export). A namespace read by a
 * dynamic key keeps every export of Vue in the bundle, about 13 KB gzipped; naming the one function
 * it uses lets the rest be shaken out, with the same behaviour.
 * @returns {import('vite').Plugin}
 */
export function vueI18nNamedVueImport() {
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
