import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/** V8's CPU profiler over one stretch of this process's life: `start`, then `stop` into a file. */
export class StepProfiler {
  private session: Session | null = null;

  async start(): Promise<void> {
    if (this.session) return;
    this.session = new Session();
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.start');
  }

  /** Write what was profiled since `start` as a `.cpuprofile`; nothing when it was not started. */
  async stop(file: string): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.session = null;
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}
