export * from './constants.js';
export * from './types.js';
export type * from './commands.js';
export * from './parts.js';
export * from './code.js';
export * from './text.js';
export * from './maths.js';
export * from './rules.js';
export * from './analytics.js';
export * from './view.js';
export * from './routing.js';
export * from './privacy.js';
export * from './sequence.js';
export * from './summary.js';
export type * from './protocol.js';
export { apply, RULES, WIDE_READS, type ApplyResult } from './reducer/apply.js';
export {
  createRoom, joinParticipant, joinRefusal, removedFromDevice, defaultSettings, REMOVED_MESSAGE,
  type CreateRoomInput, type NewParticipant,
} from './reducer/lifecycle.js';
export { Refusal } from './reducer/tx.js';
export { applyBatch, type BatchItem, type BatchOutcome, type BatchResult } from './reducer/batch.js';
export { balanceTeams } from './reducer/teams.js';
export type { CommandResult, PhaseRule, Rule } from './reducer/rule.js';
export { DECK, DECK_ORDER, DECK_SUGGESTED, deckCard, deckChoice, type DeckCard } from './content/deck.js';
export * from './content/framing.js';
export { privacyNotice, type PrivacyNotice } from './content/privacy.js';
export { toExport, votesExportable, EXPORT_FORMAT, EXPORT_VERSION, type WorkshopExport } from './export/json.js';
export { fromImport, type WorkshopImport, type ImportTarget, type ImportMode } from './export/import.js';
export { toDeckFile, DECK_FILE_FORMAT, type DeckFile } from './export/deck-file.js';
export { toCsv, csvCell, SCENARIO_COLUMNS, VOTE_COLUMNS, type CsvTable } from './export/csv.js';
export { toMarkdown, boardFileName, type MarkdownOptions } from './export/markdown.js';
export { mySummary, balanceLeaning } from './export/summary.js';
export { reportView } from './export/report.js';
export { toSvg, PAGE as SVG_PAGE, type SvgOptions } from './export/svg.js';
export { textWidth, FONT_FAMILY, EMOJI_FAMILY } from './export/svg-text.js';
