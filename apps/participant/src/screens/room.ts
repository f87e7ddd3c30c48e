import content from '@leadboard/core/i18n/en.json';
import room from '../i18n/room.en.json';
import RoomScreen from './RoomScreen.vue';

/** The room's screens with their English words: one chunk, fetched while the join form shows. */
export { RoomScreen };
export const ROOM_WORDS_EN = [content, room];
