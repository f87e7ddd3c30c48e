export { LiveSession, type ConnectionState, type SessionSink, type SessionOptions, type ClientSocket, type SessionHandle, type SessionFactory } from './session.js';
export { Outbox, coalesceKey, type OutboxEntry } from './outbox.js';
export { browserStorage, MemoryStorage, readJson, type KeyValueStorage } from './storage.js';
export { identities, type SavedParticipant, type RecentWorkshop } from './identity.js';
export { linkSecrets, facilitatorLink, stageLink, previewLink, joinLink, joinPath, type LinkSecrets } from './links.js';
export { HttpError, request, ackErrorOf, errorMessage, filenameFrom, fetchFile, type HttpWording } from './http.js';
export { commandId } from './ids.js';
export { emptyMirror, mirrorSink, type RoomMirror } from './mirror.js';
export { deriveStageKey } from './keys.js';
