import exportWords from './export.de.json' with { type: 'json' };
import content from './de.json' with { type: 'json' };
import notices from './notices.de.json' with { type: 'json' };
import type { CoreMessages } from './messages.js';

/** The German core catalogue, whole: its own module, so the apps load it only when German is wanted. */
const messages: CoreMessages = { ...content, ...notices, ...exportWords };
export default messages;
