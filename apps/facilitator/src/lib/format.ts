/** 185000 → "3:05"; an hour or more → "1:02:05". Rounds up, so "0:00" means really done. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "in 6 days", "in 3 hours", "in 12 minutes" ("in 6 Tagen" …) in the given language; "now" once it is past. */
export function fromNow(epochMs: number, now: number, locale: string): string {
  const words = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const minutes = Math.round((epochMs - now) / 60_000);
  if (minutes <= 0) return words.format(0, 'second');
  if (minutes < 90) return words.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 36) return words.format(hours, 'hour');
  return words.format(Math.round(hours / 24), 'day');
}

export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/** The join address as people type it: no scheme. */
export function shortLink(url: string): string {
  return url.replace(/^https?:\/\//, '');
}
