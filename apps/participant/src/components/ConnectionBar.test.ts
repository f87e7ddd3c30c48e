import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import ConnectionBar from './ConnectionBar.vue';

describe('ConnectionBar', () => {
  it.each([
    ['live', 0, true, 'Live'],
    ['connecting', 0, true, 'Connecting…'],
    ['reconnecting', 2, true, 'Reconnecting… · 2 waiting to send'],
    ['reconnecting', 1, false, 'Offline · 1 waiting to send'],
    ['live', 1, true, 'Live · 1 waiting to send'],
    ['ended', 0, true, 'Disconnected'],
  ] as const)('%s with %d pending (online: %s) says “%s”', (connection, pending, online, text) => {
    const wrapper = mount(ConnectionBar, { props: { connection, pending, online } });
    expect(wrapper.text().replace(/\s+/g, ' ')).toBe(text);
    expect(wrapper.attributes('role')).toBe('status');
  });
});
