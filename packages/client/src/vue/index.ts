export { useRoomBase, NOT_CONNECTED, type ConnectOptions, type RoomBase } from './room.js';
export { useCommand, useCommandsStore, type CommandState } from './commands.js';
export { useNow, useOnline, useRoomTimer, readTimer, type TimerReading, type TimerStatus } from './clock.js';
