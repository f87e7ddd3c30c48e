/**
 * What the server prints when it starts: the address to open first is one phones in the room can
 * reach (PUBLIC_URL, else this machine's LAN address), and localhost last, for this laptop only.
 */
export function banner(input: { store: string; publicUrl?: string; lan: string[]; port: number }): string {
  const local = `http://localhost:${input.port}`;
  const base = input.publicUrl?.replace(/\/+$/, '') ?? input.lan[0] ?? null;
  const lines = ['', `  Leadboard is running (${input.store} store).`];
  if (base) {
    lines.push(`  Facilitator: ${base}/host/`, `  Join:        ${base}/`);
    for (const other of input.lan.slice(1)) lines.push(`  Also on:     ${other}/`);
    lines.push(`  On this computer only: ${local}/host/`);
  } else {
    lines.push(
      `  Facilitator: ${local}/host/`,
      `  Join:        ${local}/`,
      '  Phones cannot open localhost: connect this computer to the room’s network (and listen on',
      '  HOST=0.0.0.0), or set PUBLIC_URL to an address phones can reach.',
    );
  }
  lines.push('');
  return `${lines.join('\n')}\n`;
}
