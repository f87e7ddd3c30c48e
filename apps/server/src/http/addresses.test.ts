import { describe, expect, it } from 'vitest';
import type { NetworkInterfaceInfo } from 'node:os';
import { isLoopbackHost, joinAddresses, lanOrigins } from './addresses.js';
import { banner } from '../banner.js';

const nic = (address: string, internal = false): NetworkInterfaceInfo =>
  ({ address, family: 'IPv4', internal, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: null });

describe('addresses phones can open', () => {
  it.each([
    ['localhost:3000', true], ['127.0.0.1:3000', true], ['127.1.2.3', true], ['[::1]:3000', true], ['app.localhost', true],
    ['192.168.1.20:3000', false], ['leadboard.example', false], ['10.0.0.5', false],
  ])('%s is loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it('lists this machine’s LAN addresses, private ranges first, and none when listening on loopback only', () => {
    const interfaces = { lo: [nic('127.0.0.1', true)], eth0: [nic('203.0.113.9')], wlan0: [nic('192.168.1.20')], docker0: [nic('172.17.0.1')] };
    expect(lanOrigins('0.0.0.0', 3000, interfaces)).toEqual(['http://192.168.1.20:3000', 'http://172.17.0.1:3000', 'http://203.0.113.9:3000']);
    expect(lanOrigins('127.0.0.1', 3000, interfaces)).toEqual([]);
    expect(lanOrigins('192.168.1.20', 3000, interfaces)).toEqual(['http://192.168.1.20:3000']);
  });

  it('gives PUBLIC_URL alone when it is set', () => {
    expect(joinAddresses({ publicUrl: 'https://leadboard.example/', lan: () => ['http://192.168.1.20:3000'] })).toEqual({ publicUrl: 'https://leadboard.example', lan: [] });
    expect(joinAddresses({ lan: () => ['http://192.168.1.20:3000'] })).toEqual({ publicUrl: null, lan: ['http://192.168.1.20:3000'] });
  });
});

describe('the start-up banner', () => {
  it('prints the address phones can reach first, localhost last', () => {
    const text = banner({ store: 'memory', lan: ['http://192.168.1.20:3000', 'http://10.0.0.4:3000'], port: 3000 });
    const lines = text.split('\n').filter(Boolean);
    expect(lines[1]).toBe('  Facilitator: http://192.168.1.20:3000/host/');
    expect(text).toContain('Also on:     http://10.0.0.4:3000/');
    expect(lines.at(-1)).toBe('  On this computer only: http://localhost:3000/host/');
  });

  it('says what to do when phones could not reach it', () => {
    const text = banner({ store: 'memory', lan: [], port: 3000 });
    expect(text).toContain('Facilitator: http://localhost:3000/host/');
    expect(text).toContain('Phones cannot open localhost');
    expect(banner({ store: 'redis', publicUrl: 'https://lb.example', lan: [], port: 80 })).toContain('Join:        https://lb.example/');
  });
});
