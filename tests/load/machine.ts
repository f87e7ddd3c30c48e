import { readFileSync } from 'node:fs';

function cpuTimes(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3]! + (fields[4] ?? 0);
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** How busy the whole machine was over `ms` (all cores, 0–100 %), from /proc/stat. */
export async function machineBusy(ms = 3000): Promise<number> {
  const a = cpuTimes();
  await new Promise((r) => setTimeout(r, ms));
  const b = cpuTimes();
  return ((b.busy - a.busy) / Math.max(1, b.total - a.total)) * 100;
}

/**
 * Wait until the machine is quieter than `percent` busy (other people's builds and tests share it),
 * for at most `maxMs`; returns how busy it was when the run started.
 */
export async function waitForQuiet(percent: number, maxMs: number, log?: (line: string) => void): Promise<number> {
  const deadline = Date.now() + maxMs;
  let busy = await machineBusy();
  while (busy > percent && Date.now() < deadline) {
    log?.(`machine ${busy.toFixed(0)} % busy; waiting for < ${percent} %…`);
    busy = await machineBusy(5000);
  }
  return busy;
}
