import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';
import { StepProfiler } from '../step-profiler.js';

/** What a server process reports about itself: its CPU time and memory, and its live connections. */
export interface ServerStats {
  cpuUs: number;
  rss: number;
  /** The V8 heap reserved (in use or not). */
  heapTotal: number;
  heapUsed: number;
  external: number;
  /**
   * The pages V8's young generation holds (new space, in use or not). V8 sizes it to the rate of
   * allocation, 1 to 32 MB, and gives it back after some 30 s of quiet: a buffer of the process,
   * not memory that a connection holds.
   */
  young: number;
  connections: number;
  /** Garbage-collection pauses of the main thread so far, µs, and how many were full (mark-compact) collections; the harness's own forced collections left out. */
  gcUs: number;
  majorGcs: number;
}

export type ToServer =
  | { type: 'stats'; id: number; gc: boolean }
  | { type: 'profile'; id: number; file: string | null }
  | { type: 'stop' };
export type FromServer = { type: 'ready'; url: string } | ({ type: 'stats'; id: number } & ServerStats) | { type: 'profiled'; id: number };

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Serve the harness over the IPC channel: announce the address once listening, answer stats
 * requests (after a full GC when asked, so memory deltas are not garbage), and stop on request so
 * that `--cpu-prof` gets to write its profile.
 */
export function serveHarness(httpServer: HttpServer, connections: () => number, stop: () => Promise<void>): void {
  if (!process.send) throw new Error('start this file through the load harness (it needs an IPC channel)');
  const send = (message: FromServer) => process.send!(message);
  const profiler = new StepProfiler();
  const collections = new CollectionClock();
  const answer = async (message: ToServer) => {
    if (message.type === 'stop') {
      void stop().finally(() => process.exit(0));
      return;
    }
    if (message.type === 'profile') {
      // One step's profile: null starts V8's CPU profiler, a file name stops it and writes the profile there.
      if (message.file === null) await profiler.start();
      else await profiler.stop(message.file);
      send({ type: 'profiled', id: message.id });
      return;
    }
    if (message.gc && gc) collections.forced(() => {
      gc();
      gc();
    });
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    send({
      type: 'stats',
      id: message.id,
      cpuUs: cpu.user + cpu.system,
      rss: memory.rss,
      heapTotal: memory.heapTotal,
      heapUsed: memory.heapUsed,
      external: memory.external,
      young: getHeapSpaceStatistics()
        .filter((space) => space.space_name === 'new_space' || space.space_name === 'new_large_object_space')
        .reduce((sum, space) => sum + space.physical_space_size, 0),
      connections: connections(),
      gcUs: collections.us,
      majorGcs: collections.major,
    });
  };
  process.on('message', (message: ToServer) => void answer(message));
  process.on('disconnect', () => process.exit(0));
  httpServer.listen(0, '127.0.0.1', () => {
    send({ type: 'ready', url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}` });
  });
}

/**
 * The garbage collector's pauses on the main thread, from V8's `gc` performance entries. A
 * collection the harness forces (before reading memory) is not the server's: entries that start
 * inside one are left out.
 */
class CollectionClock {
  us = 0;
  major = 0;
  private readonly windows: [number, number][] = [];

  constructor() {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (this.windows.some(([from, to]) => entry.startTime >= from && entry.startTime <= to)) continue;
        this.us += entry.duration * 1000;
        if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) this.major++;
      }
    }).observe({ entryTypes: ['gc'] });
  }

  forced(collect: () => void): void {
    const from = performance.now();
    collect();
    this.windows.push([from, performance.now()]);
  }
}
