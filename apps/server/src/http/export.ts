import type { Request, Response } from 'express';
import { z } from 'zod';
import { boardFileName, isValidCode, mySummary, normalizeCode, reportView, toCsv, toDeckFile, toExport, toMarkdown, toSvg, type Phase, type RoomState } from '@leadboard/core';
import { ExportQuerySchema, formatIssues } from '@leadboard/core/schema';
import { PNG_WIDTH, renderPng } from '../export/png.js';
import type { RoomService } from '../rooms/service.js';
import { hashToken } from '../security/tokens.js';
import { bearerToken } from './auth.js';
import { sendError } from './errors.js';

/** `?format=…` plus the options some formats take. */
export const ExportRequestSchema = ExportQuerySchema.extend({
  /** CSV: `scenarios` (one row per card and team) or `votes` (one row per vote). */
  table: z.enum(['scenarios', 'votes']).default('scenarios'),
  /** SVG and PNG: draw the vote clouds (only once votes are exportable). */
  votes: z.enum(['0', '1', 'true', 'false']).default('0').transform((v) => v === '1' || v === 'true'),
  /** PNG: width in pixels; 1920 for a screen, about 3500 for A4 at 300 dpi. */
  width: z.coerce.number().int().min(PNG_WIDTH.min).max(PNG_WIDTH.max).default(PNG_WIDTH.default),
});
export type ExportRequest = z.output<typeof ExportRequestSchema>;

const TYPES = {
  json: 'application/json; charset=utf-8',
  deck: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  md: 'text/markdown; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
} as const;

function download(res: Response, format: keyof typeof TYPES, filename: string, body: string | Buffer): void {
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // An SVG opened from the server is a document: it may style itself, and nothing else.
  if (format === 'svg') res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
  res.setHeader('Content-Type', TYPES[format]);
  res.send(body);
}

/** Parse the export query, or answer 400. */
export function exportRequest(req: Request, res: Response): ExportRequest | null {
  const parsed = ExportRequestSchema.safeParse(req.query);
  if (parsed.success) return parsed.data;
  sendError(res, 'INVALID', formatIssues(parsed.error));
  return null;
}

/** The facilitator's download, in the format asked for; every format is available in every phase. */
export async function sendExport(res: Response, state: RoomState, query: ExportRequest, now: number): Promise<void> {
  const code = state.meta.code;
  switch (query.format) {
    case 'json':
      return download(res, 'json', `leadboard-${code}.json`, JSON.stringify(toExport(state, now), null, 2));
    case 'deck':
      return download(res, 'deck', `leadboard-${code}-deck.json`, JSON.stringify(toDeckFile(reportView(state)), null, 2));
    case 'csv':
      return download(res, 'csv', query.table === 'votes' ? `leadboard-${code}-votes.csv` : `leadboard-${code}.csv`, toCsv(state, query.table));
    case 'md':
      return download(res, 'md', `leadboard-${code}.md`, toMarkdown(state, now));
    case 'svg':
      return download(res, 'svg', boardFileName(code, 'svg'), toSvg(state, now, { votes: query.votes }));
    case 'png':
      return download(res, 'png', boardFileName(code, 'png'), await renderPng(toSvg(state, now, { votes: query.votes }), query.width));
  }
}

const SUMMARY_PHASES: readonly Phase[] = ['conclude', 'ended'];

/**
 * A participant's own summary: 401 without a key, 404 for an unknown room, 403 for a key that is
 * not an active participant's in this room, 409 before the conclusion.
 */
export async function sendMySummary(req: Request, res: Response, rooms: RoomService, now: number): Promise<void> {
  const token = bearerToken(req);
  if (!token) return sendError(res, 'UNAUTHORIZED', 'Send your participant key as "Authorization: Bearer <key>".');
  const code = normalizeCode(String(req.params.code ?? ''));
  const room = isValidCode(code) ? await rooms.fresh(code) : null;
  if (!room) return sendError(res, 'NOT_FOUND', 'No such workshop.');
  const state = room.state;
  const entry = state.auth[hashToken(token)];
  const me = entry?.role === 'participant' && entry.participantId ? state.participants[entry.participantId] : undefined;
  if (!me) return sendError(res, 'FORBIDDEN', 'This key does not belong to a participant of this workshop.');
  if (me.status !== 'active') return sendError(res, 'FORBIDDEN', 'This key no longer takes part in this workshop.');
  if (!SUMMARY_PHASES.includes(state.meta.phase)) {
    return sendError(res, 'WRONG_PHASE', 'Your summary is ready once the workshop reaches its conclusion.');
  }
  download(res, 'md', `leadboard-${code}-my-summary.md`, mySummary(state, me.id, now));
}
