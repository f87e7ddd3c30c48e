export { CommandSchema } from './commands.js';
export { JoinSchema, SyncSchema } from './session.js';
export { CreateWorkshopSchema, ExportQuerySchema, ImportQuerySchema } from './http.js';
export { Id, RoomCode, Token, CommandId, text } from './common.js';
export { formatIssues } from './issues.js';
export { WorkshopImportSchema } from './export.js';
export { DeckFileSchema } from '../export/deck-file.js';
export { CreatedWorkshopSchema, ErrorBodySchema, JoinAddressesSchema, WorkshopSummarySchema } from './responses.js';
