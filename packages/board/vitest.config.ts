import vue from '@vitejs/plugin-vue';
import { defineProject } from 'vitest/config';

export default defineProject({
  plugins: [vue()],
  test: { name: 'board', include: ['src/**/*.test.ts'], environment: 'happy-dom' },
});
