/** 185000 → "3:05"; an hour or more → "1:02:05". Rounds up, so "0:00" means really done. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "Tue 14 May, 10:32" in the reader's locale. */
export function dateTime(epochMs: number): string {
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(epochMs);
}

/** "in 6 days", "in 3 hours", "in 12 minutes". */
export function fromNow(epochMs: number, now: number): string {
  const minutes = Math.round((epochMs - now) / 60_000);
  if (minutes <= 0) return 'now';
  if (minutes < 90) return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `in ${hours} hours`;
  return `in ${Math.round(hours / 24)} days`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/** The join address as people type it: no scheme. */
export function shortLink(url: string): string {
  return url.replace(/^https?:\/\//, '');
}
