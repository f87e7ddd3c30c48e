import { describe, expect, it } from 'vitest';
import { chooseJoinOrigin } from './joinLink.js';

const local = { origin: 'http://localhost:3000', hostname: 'localhost' };
const lan = ['http://192.168.1.20:3000', 'http://10.0.0.4:3000'];

describe('the address phones open', () => {
  it('is PUBLIC_URL whenever the server has one', () => {
    expect(chooseJoinOrigin(local, { publicUrl: 'https://lb.example', lan: [] }, null)).toEqual({ origin: 'https://lb.example', choices: [], problem: null });
  });

  it('is the console’s own address when that is not this machine’s loopback', () => {
    expect(chooseJoinOrigin({ origin: 'http://192.168.1.20:3000', hostname: '192.168.1.20' }, { publicUrl: null, lan }, null).origin).toBe('http://192.168.1.20:3000');
  });

  it('is a LAN address of this machine for a console on localhost, the facilitator’s choice among several', () => {
    expect(chooseJoinOrigin(local, { publicUrl: null, lan }, null)).toEqual({ origin: lan[0], choices: lan, problem: null });
    expect(chooseJoinOrigin(local, { publicUrl: null, lan }, lan[1]!).origin).toBe(lan[1]);
    expect(chooseJoinOrigin({ origin: 'http://127.0.0.1:3000', hostname: '127.0.0.1' }, { publicUrl: null, lan }, 'http://gone:1').origin).toBe(lan[0]);
  });

  it('warns, and says what to do, when only localhost is left', () => {
    const choice = chooseJoinOrigin(local, { publicUrl: null, lan: [] }, null);
    expect(choice.origin).toBe('http://localhost:3000');
    expect(choice.problem).toBe('loopback');
    expect(chooseJoinOrigin(local, null, null).problem).toBeNull();
  });
});
