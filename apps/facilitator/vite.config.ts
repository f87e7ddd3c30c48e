import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/host/',
  plugins: [vue()],
  build: {
    target: 'es2022',
    sourcemap: false,
  },
});
