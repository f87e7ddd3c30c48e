import { config } from '@vue/test-utils';
import { addRoomWords, i18n } from '../i18n/index.js';
import { ROOM_WORDS_EN } from '../screens/room.js';

// Every mounted screen speaks through the app's own vue-i18n, in English unless a test switches it,
// with the room's words at hand as they are once the room's screens have loaded.
config.global.plugins = [...config.global.plugins, i18n];
await addRoomWords(ROOM_WORDS_EN);
