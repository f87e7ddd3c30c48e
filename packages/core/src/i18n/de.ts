import de from './de.json';
import type { CoreMessages } from './messages.js';

/** The German core catalogue, its own module so the apps can load it only when German is wanted. */
const messages: CoreMessages = de;
export default messages;
