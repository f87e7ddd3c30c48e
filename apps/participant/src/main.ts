import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { i18n, showLanguage } from './i18n/index.js';
import { openingLanguage } from './stores/language.js';
import { createAppRouter } from './router.js';
import './styles.css';

const app = createApp(App).use(createPinia()).use(i18n).use(createAppRouter());
// A phone that speaks German shows German from its first frame: its catalogue comes before the mount.
void showLanguage(openingLanguage())
  .catch(() => undefined)
  .then(() => app.mount('#app'));
