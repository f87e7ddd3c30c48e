import { describe, expect, it } from 'vitest';
import { CommandSchema } from './commands.js';
import { JoinSchema } from './session.js';
import { CreateWorkshopSchema } from './http.js';

describe('command schema', () => {
  it.each([
    ['no id', { type: 'vote.set', scenarioId: 's', x: 0, y: 0 }],
    ['unknown type', { id: '1', type: 'vote.steal' }],
    ['extra field', { id: '1', type: 'timer.pause', extra: 1 }],
    ['__proto__ key', JSON.parse('{"id":"1","type":"timer.pause","__proto__":{"admin":true}}')],
    ['coordinate out of range', { id: '1', type: 'vote.set', scenarioId: 's', x: 1.5, y: 0 }],
    ['NaN coordinate', { id: '1', type: 'vote.set', scenarioId: 's', x: Number.NaN, y: 0 }],
    ['string coordinate', { id: '1', type: 'vote.set', scenarioId: 's', x: '0.5', y: 0 }],
    ['huge text', { id: '1', type: 'scenario.add', text: 'x'.repeat(100_000) }],
    ['empty text', { id: '1', type: 'scenario.add', text: '   ' }],
    ['nested object as text', { id: '1', type: 'scenario.add', text: { a: { b: {} } } }],
    ['id too long', { id: 'x'.repeat(65), type: 'timer.pause' }],
    ['bad entity id', { id: '1', type: 'team.choose', teamId: '../../etc' }],
    ['array payload', [1, 2, 3]],
    ['null payload', null],
    ['too many deck ids', { id: '1', type: 'deck.add', deckIds: Array.from({ length: 51 }, (_, i) => `d${i}`) }],
  ])('rejects %s', (_name, payload) => {
    expect(CommandSchema.safeParse(payload).success).toBe(false);
  });

  it('keeps a position to four decimals, a tenth of a pixel on the board', () => {
    const vote = CommandSchema.parse({ id: '1', type: 'vote.set', scenarioId: 's', x: 0.123456789012345, y: 0.99996 });
    expect(vote).toMatchObject({ x: 0.1235, y: 1 });
    const placement = CommandSchema.parse({ id: '2', type: 'placement.set', scenarioId: 's', x: 0.5, y: 0.00004 });
    expect(placement).toMatchObject({ x: 0.5, y: 0 });
    expect(CommandSchema.parse({ id: '3', type: 'reflection.set', balance: 0.333333333 })).toMatchObject({ balance: 0.3333 });
  });

  it('cleans text: trims, drops control and bidi-override characters, keeps emoji', () => {
    const parsed = CommandSchema.parse({ id: '1', type: 'scenario.add', text: '  \u202Eevil\u0007 \n line 👍🏽  ' });
    expect(parsed).toMatchObject({ text: 'evil line 👍🏽' });
  });

  it('keeps single blank lines in comments', () => {
    const parsed = CommandSchema.parse({ id: '1', type: 'comment.add', scenarioId: 's', text: 'a\r\n\r\n\r\n\r\nb' });
    expect(parsed).toMatchObject({ text: 'a\n\nb' });
  });
});

describe('join schema', () => {
  it('reads a room code case-insensitively, with look-alike letters as digits', () => {
    const parsed = JoinSchema.parse({ code: ' abc-d0o ', role: 'participant', name: 'Ana' });
    expect(parsed.code).toBe('ABCD00');
    expect(JoinSchema.parse({ code: 'lil234', role: 'participant', name: 'A' }).code).toBe('111234');
  });

  it('needs a token for the facilitator and the stage', () => {
    expect(JoinSchema.safeParse({ code: 'ABCD23', role: 'facilitator' }).success).toBe(false);
    expect(JoinSchema.safeParse({ code: 'ABCD23', role: 'stage', token: 'short' }).success).toBe(false);
  });

  it('refuses an unknown role and a malformed code', () => {
    expect(JoinSchema.safeParse({ code: 'ABCD23', role: 'admin', token: 'x'.repeat(20) }).success).toBe(false);
    expect(JoinSchema.safeParse({ code: 'AB', role: 'participant', name: 'A' }).success).toBe(false);
  });
});

describe('create workshop schema', () => {
  it('accepts a team count or team names, and nothing else', () => {
    expect(CreateWorkshopSchema.parse({ teams: 3 }).teams).toBe(3);
    expect(CreateWorkshopSchema.parse({ teams: ['Owls', 'Larks'] }).teams).toEqual(['Owls', 'Larks']);
    expect(CreateWorkshopSchema.safeParse({ teams: 99 }).success).toBe(false);
    expect(CreateWorkshopSchema.safeParse({ title: 'x', admin: true }).success).toBe(false);
  });
});
