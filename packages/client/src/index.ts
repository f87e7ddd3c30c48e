export { LiveSession, type ConnectionState, type SessionSink, type SessionOptions, type ClientSocket } from './session.js';
export { Outbox, coalesceKey, type OutboxEntry } from './outbox.js';
export { identities, browserStorage, MemoryStorage, readJson, type KeyValueStorage, type SavedParticipant } from './storage.js';
export { commandId } from './ids.js';
export { emptyMirror, mirrorSink, type RoomMirror } from './mirror.js';
export { deriveStageKey } from './keys.js';
