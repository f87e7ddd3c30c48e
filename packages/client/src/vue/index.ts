export { useRoomBase, type ConnectOptions } from './room.js';
export { useCommand, type CommandState } from './commands.js';
export { useNow, useOnline, useRoomTimer } from './clock.js';
