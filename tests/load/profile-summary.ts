import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * Summarise a V8 `.cpuprofile` (from `node --cpu-prof`): where the process spent its time, by
 * function, as self time and as inclusive time (the function and everything it called).
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' } },
});
if (!positionals.length) {
  process.stdout.write('Usage: npx -y pnpm@10 --filter @leadboard/tests load:profile-summary -- [--top N] FILE.cpuprofile…\n');
  process.exit(2);
}
const top = Number(values.top);

function where(frame: ProfileNode['callFrame']): string {
  const url = frame.url.replace(/^file:\/\//, '');
  const file = url.includes('node_modules') ? url.slice(url.lastIndexOf('node_modules/') + 13) : relative(process.cwd(), url);
  return `${frame.functionName || '(anonymous)'} ${file ? `${file}:${frame.lineNumber + 1}` : ''}`.trim();
}

for (const file of positionals) {
  const profile = JSON.parse(readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), file), 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = profile.endTime - profile.startTime;

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    self.set(where(node.callFrame), (self.get(where(node.callFrame)) ?? 0) + us);
    // Count each function once per sample, even when it recurses.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = where(byId.get(at)!.callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    }
  }
  const idle = self.get('(idle)') ?? 0;
  const busy = total - idle;
  const list = (map: Map<string, number>) =>
    [...map].filter(([name]) => !['(idle)', '(root)', '(program)'].includes(name)).sort((a, b) => b[1] - a[1]).slice(0, top)
      .map(([name, us]) => `  ${(us / 1000).toFixed(0).padStart(7)} ms ${((us / busy) * 100).toFixed(1).padStart(5)}%  ${name}`).join('\n');
  process.stdout.write(`${file}\n  ${(total / 1e6).toFixed(1)} s profiled, ${(busy / 1e6).toFixed(1)} s busy (percentages are of busy time)\n`);
  process.stdout.write(`\nself time:\n${list(self)}\n\ninclusive time:\n${list(inclusive)}\n\n`);
}
