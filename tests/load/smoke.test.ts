import { describe, expect, it } from 'vitest';
import { runSystem, type RunOptions, type Scenario, type SystemResult } from './run.js';

const options: RunOptions = {
  teamMs: 200,
  drags: 2,
  dragMs: 400,
  burstMs: 300,
  spotlights: 3,
  seed: 7,
  joinConcurrency: 25,
  redisUrl: '',
  verify: true,
  skipReveal: false,
  restMs: 0,
  warmUp: 0,
};

function counts(result: SystemResult) {
  return Object.fromEntries(result.steps.map((s) => [s.name, { acks: s.ack?.count ?? 0, arrivals: s.fanout?.count ?? 0 }]));
}

/**
 * The load harness in miniature, against a real server process and real socket.io-clients: every
 * command acknowledged, every facilitator change on every phone, no seq gap, no phone holding
 * anyone else's vote, after the reveal each card's crowd right on every phone and every vote on the
 * facilitator's screen, and every phone's view equal to a fresh snapshot at the end.
 */
describe('load harness, smoke size', () => {
  it('one room of 50: nothing lost', async () => {
    const scenario: Scenario = { name: 'smoke', rooms: 1, participantsPerRoom: 50, nodes: 1, store: 'memory' };
    const result = await runSystem('leadboard', scenario, options);
    expect(result.problems.toString()).toBe('');
    expect(counts(result)).toMatchObject({
      join: { acks: 50 },
      'team.choose': { acks: 50 },
      '→ place': { acks: 1, arrivals: 50 },
      'drag (placement.set)': { acks: 100 },
      '→ vote': { acks: 1, arrivals: 50 },
      'vote burst': { acks: 50 },
      reveal: { acks: 1, arrivals: 50 },
      '→ discuss': { acks: 1, arrivals: 50 },
      spotlight: { acks: 3, arrivals: 150 },
    });
    // The young generation is read apart from the rest of RSS: it is part of it, and never empty of pages.
    for (const mark of [result.memory.before, result.memory.after]) {
      expect(mark.young).toBeGreaterThan(0);
      expect(mark.young).toBeLessThan(mark.rss);
    }
  });

  it('four rooms of 10 side by side: nothing lost, nothing crosses rooms', async () => {
    const scenario: Scenario = { name: 'smoke-rooms', rooms: 4, participantsPerRoom: 10, nodes: 1, store: 'memory' };
    const result = await runSystem('leadboard', scenario, options);
    expect(result.problems.toString()).toBe('');
    expect(counts(result)).toMatchObject({
      join: { acks: 40 },
      'vote burst': { acks: 40 },
      reveal: { acks: 4, arrivals: 40 },
    });
  });

  it('after a warm-up workshop on the same server, the measured one is counted alone', async () => {
    const scenario: Scenario = { name: 'smoke-warm', rooms: 1, participantsPerRoom: 20, nodes: 1, store: 'memory' };
    const result = await runSystem('leadboard', scenario, { ...options, warmUp: 12 });
    expect(result.problems.toString()).toBe('');
    expect(counts(result)).toMatchObject({ join: { acks: 20 }, 'vote burst': { acks: 20 }, reveal: { acks: 1, arrivals: 20 } });
    // The warm-up's phones are gone: the connections measured are the workshop's own.
    expect(result.memory.connections).toBe(20);
  });

  it('the plain Socket.IO baseline runs the same steps', async () => {
    const scenario: Scenario = { name: 'smoke-baseline', rooms: 1, participantsPerRoom: 20, nodes: 1, store: 'memory' };
    const result = await runSystem('baseline', scenario, options);
    expect(result.problems.toString()).toBe('');
    expect(counts(result)).toMatchObject({ 'vote burst': { acks: 20 }, reveal: { acks: 1, arrivals: 20 } });
  });
});
