import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { createAppRouter } from './router.js';
import { browserLanguage, i18n, setLanguage } from './i18n/index.js';
import './styles/base.css';

// The start page speaks the browser's language; a workshop's pages switch to the workshop's once it is known.
await setLanguage(browserLanguage());
createApp(App).use(createPinia()).use(i18n).use(createAppRouter()).mount('#app');
