import { DECK_FILE_FORMAT, EXPORT_FORMAT, type DeckFile, type WorkshopImport } from '@leadboard/core';
import { DeckFileSchema, WorkshopImportSchema, formatIssues } from '@leadboard/core/schema';

/** What a file handed to the start page or the deck loader turned out to be. */
export type LeadboardFile =
  | { kind: 'workshop'; doc: WorkshopImport; raw: unknown }
  | { kind: 'deck'; deck: DeckFile }
  | { kind: 'error'; problem: FileProblem; name: string; detail?: string };

/** Why a file was refused; the catalogue words each as `files.<problem>`, with the file's name and the schema's detail. */
export type FileProblem = 'tooLarge' | 'notJson' | 'badExport' | 'badDeck' | 'notLeadboard';

/** Files larger than this are not exports (the server takes at most 5 MB). */
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Read a file the facilitator picked: a workshop export or a deck file, checked field by field with
 * the same schemas the server uses, so a bad file is named and refused before anything is created.
 */
export async function readLeadboardFile(file: Pick<File, 'size' | 'text' | 'name'>): Promise<LeadboardFile> {
  if (file.size > MAX_BYTES) return { kind: 'error', problem: 'tooLarge', name: file.name };
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch {
    return { kind: 'error', problem: 'notJson', name: file.name };
  }
  const format = typeof data === 'object' && data !== null && 'format' in data ? data.format : undefined;
  if (format === EXPORT_FORMAT) {
    const parsed = WorkshopImportSchema.safeParse(data);
    if (!parsed.success) return { kind: 'error', problem: 'badExport', name: file.name, detail: formatIssues(parsed.error) };
    return { kind: 'workshop', doc: parsed.data, raw: data };
  }
  if (format === DECK_FILE_FORMAT) {
    const parsed = DeckFileSchema.safeParse(data);
    if (!parsed.success) return { kind: 'error', problem: 'badDeck', name: file.name, detail: formatIssues(parsed.error) };
    return { kind: 'deck', deck: parsed.data };
  }
  return { kind: 'error', problem: 'notLeadboard', name: file.name };
}
