// A separate process that floods: joins as a participant and sends `rate` vote commands a second for
// `ms` milliseconds, then prints how the server answered. Used by abuse.test.ts.
import { io } from 'socket.io-client';

const [url, code, scenarioId, rate, ms] = process.argv.slice(2) as [string, string, string, string, string];
const socket = io(url, { transports: ['websocket'] });
socket.on('connect', async () => {
  const joined = await socket.timeout(5000).emitWithAck('join', { code, role: 'participant', name: 'Flood' });
  if (!joined.ok) throw new Error(joined.error.code);
  const answers: Promise<{ ok: boolean; error?: { code: string } }>[] = [];
  const begin = Date.now();
  process.stdout.write('flooding\n');
  const pump = setInterval(() => {
    const due = Math.min(Number(rate) * (Number(ms) / 1000), ((Date.now() - begin) / 1000) * Number(rate));
    while (answers.length < due) {
      answers.push(socket.timeout(10_000).emitWithAck('command', { id: `f${answers.length}`, type: 'vote.set', scenarioId, x: 0.1, y: 0.1 }));
    }
  }, 5);
  const report = async () => {
    clearInterval(pump);
    const results = await Promise.all(answers);
    const limited = results.filter((r) => !r.ok && r.error?.code === 'RATE_LIMITED').length;
    process.stdout.write(`${JSON.stringify({ sent: results.length, limited, connected: socket.connected })}\n`);
    socket.close();
  };
  setTimeout(() => void report(), Number(ms));
});
