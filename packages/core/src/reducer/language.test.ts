import { describe, expect, it } from 'vitest';
import { deckText } from '../content/deck-text.js';
import { toExport } from '../export/json.js';
import { fromImport } from '../export/import.js';
import { fromParts, toParts } from '../parts.js';
import { CreateWorkshopSchema } from '../schema/http.js';
import { CommandSchema } from '../schema/commands.js';
import { WorkshopImportSchema } from '../schema/export.js';
import { Workshop } from '../testkit.js';
import type { Language } from '../language.js';

const EN_AUDIT = 'The external audit found gaps in how we approve and record expenses. We have 60 days to close them.';
const DE_AUDIT = 'Die externe Prüfung hat Lücken bei der Freigabe und Erfassung von Ausgaben gefunden. Wir haben 60 Tage, um sie zu schließen.';

function deckTexts(w: Workshop): Record<string, string> {
  return Object.fromEntries(Object.values(w.state.scenarios).filter((s) => s.deckId).map((s) => [s.deckId, s.text]));
}

function language(w: Workshop, to: Language) {
  return w.must('facilitator', { type: 'settings.update', language: to });
}

describe('the workshop language', () => {
  it('is English unless chosen', () => {
    expect(new Workshop().state.meta.settings.language).toBe('en');
    expect(new Workshop({ settings: { language: 'de' } }).state.meta.settings.language).toBe('de');
  });

  it('words the deck cards a workshop starts with', () => {
    expect(deckTexts(new Workshop({ deck: ['failed-audit'] }))).toEqual({ 'failed-audit': EN_AUDIT });
    expect(deckTexts(new Workshop({ deck: ['failed-audit'], settings: { language: 'de' } }))).toEqual({ 'failed-audit': DE_AUDIT });
  });

  it('words the deck cards added later', () => {
    const w = new Workshop({ settings: { language: 'de' } });
    w.must('facilitator', { type: 'deck.add', deckIds: ['failed-audit'] });
    expect(deckTexts(w)).toEqual({ 'failed-audit': DE_AUDIT });
  });

  it('re-words the untouched deck cards when it changes, and keeps edited ones and everyone else’s', () => {
    const w = new Workshop({ deck: ['failed-audit', 'portal-outage', 'tool-migration'] });
    const ana = w.join('Ana', 0);
    w.phase('scenarios');
    const own = w.addScenario(ana, 'Our own card');
    const outage = Object.values(w.state.scenarios).find((s) => s.deckId === 'portal-outage')!;
    w.must('facilitator', { type: 'scenario.edit', scenarioId: outage.id, text: 'The portal is down, our way' });
    const tool = Object.values(w.state.scenarios).find((s) => s.deckId === 'tool-migration')!;
    w.must('facilitator', { type: 'scenario.hide', scenarioId: tool.id, hidden: true });

    language(w, 'de');
    expect(w.state.meta.settings.language).toBe('de');
    expect(deckTexts(w)).toEqual({
      'failed-audit': DE_AUDIT,
      'portal-outage': 'The portal is down, our way',
      'tool-migration': deckText('tool-migration', 'de'),
    });
    expect(w.state.scenarios[own]!.text).toBe('Our own card');
    expect(w.state.scenarios[tool.id]!.hidden).toBe(true);

    language(w, 'en');
    expect(deckTexts(w)).toEqual({
      'failed-audit': EN_AUDIT,
      'portal-outage': 'The portal is down, our way',
      'tool-migration': deckText('tool-migration', 'en'),
    });
  });

  it('leaves the cards alone when other settings change', () => {
    const w = new Workshop({ deck: ['failed-audit'] });
    const result = w.run('facilitator', { type: 'settings.update', starBudget: 5, language: 'en' });
    expect(result.ok && result.changed).toEqual(['meta']);
    expect(deckTexts(w)).toEqual({ 'failed-audit': EN_AUDIT });
  });

  it.each([
    ['an unknown language on create', () => CreateWorkshopSchema.safeParse({ language: 'fr' }).success, false],
    ['a known language on create', () => CreateWorkshopSchema.safeParse({ language: 'de' }).success, true],
    ['an unknown language in settings', () => CommandSchema.safeParse({ id: 'c', type: 'settings.update', language: 'EN' }).success, false],
  ])('schemas: %s', (_name, check, accepted) => {
    expect(check()).toBe(accepted);
  });

  it('is only the facilitator’s to change', () => {
    const w = new Workshop();
    const ana = w.join('Ana', 0);
    const result = w.run(ana, { type: 'settings.update', language: 'de' });
    expect(!result.ok && result.error.code).toBe('FORBIDDEN');
  });

  it('travels in exports and reads as English from files and stores written before it', () => {
    const w = new Workshop({ settings: { language: 'de' } });
    const doc = JSON.parse(JSON.stringify(toExport(w.state, 0)));
    expect(doc.workshop.settings.language).toBe('de');
    const target = { code: 'ZZZ999', facilitatorTokenHash: 'f', stageTokenHash: 'g', newId: () => 'x', now: 1 };
    const imported = fromImport(WorkshopImportSchema.parse(doc), target);
    expect('meta' in imported && imported.meta.settings.language).toBe('de');

    delete doc.workshop.settings.language;
    const older = fromImport(WorkshopImportSchema.parse(doc), target);
    expect('meta' in older && older.meta.settings.language).toBe('en');

    const parts = toParts(new Workshop().state);
    const meta = parts.get('meta') as { settings: Record<string, unknown> };
    delete meta.settings.language;
    expect(fromParts(parts)!.meta.settings.language).toBe('en');
  });
});
