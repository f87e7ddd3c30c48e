import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bundledServer } from './server-bundle.js';
import type { FromServer, ServerStats, ToServer } from './servers/ipc.js';

export type ServerKind = 'leadboard' | 'baseline';

export interface ServerOptions {
  kind: ServerKind;
  redisUrl?: string;
  /** `redisUrl` lists the seed nodes of a Redis Cluster. */
  redisCluster?: boolean;
  /** Write a V8 CPU profile of this process into this directory when it stops. */
  cpuProfileDir?: string;
  /** Passed to the baseline, which has no workshop content of its own. */
  teams: number;
  cards: number;
  /** Passed to the baseline: how many server processes there are, whose votes a reveal gathers. */
  nodes: number;
}

/** The tests package: the servers run from here, wherever the harness was started. */
const packageDir = fileURLToPath(new URL('..', import.meta.url));

const entries: Record<ServerKind, string> = {
  leadboard: fileURLToPath(new URL('./servers/leadboard.ts', import.meta.url)),
  baseline: fileURLToPath(new URL('./servers/baseline.ts', import.meta.url)),
};

/** A server under test in a process of its own, so its CPU and memory are its own. */
export class ServerProcess {
  private nextId = 0;
  private readonly waiting = new Map<number, (answer: FromServer) => void>();

  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
    /** What the process printed: shown when something goes wrong. */
    readonly output: string[],
  ) {
    child.on('message', (message: FromServer) => {
      if (message.type === 'ready') return;
      this.waiting.get(message.id)?.(message);
      this.waiting.delete(message.id);
    });
  }

  static async start(options: ServerOptions): Promise<ServerProcess> {
    const execArgv = ['--expose-gc'];
    if (options.cpuProfileDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`);
    const args = options.kind === 'baseline' ? ['--teams', String(options.teams), '--cards', String(options.cards), '--nodes', String(options.nodes)] : [];
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
    delete env.REDIS_URL;
    delete env.REDIS_CLUSTER;
    if (options.redisUrl) env.REDIS_URL = options.redisUrl;
    if (options.redisCluster) env.REDIS_CLUSTER = '1';
    const child = fork(await bundledServer(entries[options.kind]), args, { cwd: packageDir, execArgv, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const output: string[] = [];
    child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${options.kind} server did not start:\n${output.join('')}`)), 30_000);
      child.on('message', (message: FromServer) => {
        if (message.type !== 'ready') return;
        clearTimeout(timer);
        resolve(message.url);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${options.kind} server exited with ${code}:\n${output.join('')}`));
      });
    });
    return new ServerProcess(url, child, output);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** CPU time and memory of the server process; `gc` collects garbage first. */
  async stats(gc = false): Promise<ServerStats> {
    return (await this.ask({ type: 'stats', id: ++this.nextId, gc })) as ServerStats;
  }

  /** Start V8's CPU profiler in the server (null), or stop it and write the profile to `file`. */
  async profile(file: string | null): Promise<void> {
    await this.ask({ type: 'profile', id: ++this.nextId, file });
  }

  private ask(message: Extract<ToServer, { id: number }>): Promise<FromServer> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not answer a ${message.type} request`)), 30_000);
      this.waiting.set(message.id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.child.send(message);
    });
  }

  /** Ask the process to shut down (which writes its CPU profile), killing it if it does not. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ type: 'stop' } satisfies ToServer);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
}
