import { Router, type Request, type Response } from 'express';
import { isValidCode, normalizeCode, workshopSummary, type CreatedWorkshop, type RoomState } from '@leadboard/core';
import { CreateWorkshopSchema, ImportQuerySchema, WorkshopImportSchema, formatIssues } from '@leadboard/core/schema';
import type { RoomService } from '../rooms/service.js';
import type { CreatedRoom } from '../rooms/workshops.js';
import type { Broadcaster } from '../socket/broadcaster.js';
import { hashToken } from '../security/tokens.js';
import type { Limit } from '../security/limits.js';
import { bearerToken } from './auth.js';
import { sendError } from './errors.js';
import { exportRequest, sendExport, sendMySummary } from './export.js';
import { linkOrigin } from './addresses.js';
import { linksFor, originOf } from './links.js';

export interface WorkshopRouteDeps {
  rooms: RoomService;
  broadcaster: Broadcaster;
  publicUrl?: string;
  /** This machine's LAN origins, for join links phones can open. */
  lan: () => string[];
  /** Workshops created per client IP. */
  createsPerIp: Limit;
  clock: () => number;
}

/** The facilitator's room, or an error response: 401 without a token, 404 unknown, 403 wrong token. */
async function facilitatorRoom(req: Request, res: Response, rooms: RoomService): Promise<RoomState | null> {
  const token = bearerToken(req);
  if (!token) {
    sendError(res, 'UNAUTHORIZED', 'Send the facilitator key as "Authorization: Bearer <key>".');
    return null;
  }
  const code = normalizeCode(String(req.params.code ?? ''));
  const room = isValidCode(code) ? await rooms.fresh(code) : null;
  if (!room) {
    sendError(res, 'NOT_FOUND', 'No such workshop.');
    return null;
  }
  if (room.state.auth[hashToken(token)]?.role !== 'facilitator') {
    sendError(res, 'FORBIDDEN', 'This key does not control this workshop.');
    return null;
  }
  return room.state;
}

export function workshopRoutes(deps: WorkshopRouteDeps): Router {
  const router = Router();

  const limited = async (req: Request, res: Response): Promise<boolean> => {
    const wait = await deps.createsPerIp.take(req.ip ?? 'unknown');
    if (wait > 0) sendError(res, 'RATE_LIMITED', 'Too many workshops created; wait a moment.', wait);
    return wait > 0;
  };

  /** 201 with the new workshop's code, secrets and links (CreatedWorkshopSchema). */
  const sendCreated = (req: Request, res: Response, created: CreatedRoom) => {
    const { code, facilitatorToken, stageToken } = created;
    const body: CreatedWorkshop = {
      code, facilitatorToken, stageToken,
      ...linksFor(originOf(req, deps.publicUrl), code, facilitatorToken, stageToken, linkOrigin(req, deps)),
    };
    res.status(201).json(body);
  };

  router.post('/api/workshops', async (req, res) => {
    if (await limited(req, res)) return;
    const parsed = CreateWorkshopSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendError(res, 'INVALID', formatIssues(parsed.error));
    const { title, teams, deck, cards, starBudget, selfSelectTeams, namedExport, anonymous, language } = parsed.data;
    const settings = Object.fromEntries(
      Object.entries({ starBudget, selfSelectTeams, namedExport, anonymous, language }).filter(([, v]) => v !== undefined),
    );
    sendCreated(req, res, await deps.rooms.create({ title, teams, deck, cards, settings }));
  });

  router.post('/api/workshops/import', async (req, res) => {
    if (await limited(req, res)) return;
    const query = ImportQuerySchema.safeParse(req.query);
    if (!query.success) return sendError(res, 'INVALID', formatIssues(query.error));
    const parsed = WorkshopImportSchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, 'INVALID', `This is not a workshop export Leadboard can read: ${formatIssues(parsed.error)}`);
    const created = await deps.rooms.import(parsed.data, query.data.mode);
    if (!created) return sendError(res, 'INVALID', 'The export could not be imported.');
    if ('error' in created) return sendError(res, 'INVALID', created.error.message);
    sendCreated(req, res, created);
  });

  router.get('/api/workshops/:code', async (req, res) => {
    const code = normalizeCode(req.params.code);
    const room = isValidCode(code) ? await deps.rooms.open(code) : null;
    if (!room) return sendError(res, 'NOT_FOUND', `No workshop has the code ${code}.`);
    res.json(workshopSummary(room.state));
  });

  router.get('/api/workshops/:code/export', async (req, res) => {
    const query = exportRequest(req, res);
    if (!query) return;
    const state = await facilitatorRoom(req, res, deps.rooms);
    if (!state) return;
    await sendExport(res, state, query, deps.clock());
  });

  router.get('/api/workshops/:code/my-summary', async (req, res) => {
    await sendMySummary(req, res, deps.rooms, deps.clock());
  });

  router.delete('/api/workshops/:code', async (req, res) => {
    const state = await facilitatorRoom(req, res, deps.rooms);
    if (!state) return;
    deps.broadcaster.roomDeleted(state.meta.code);
    await deps.rooms.delete(state.meta.code);
    res.status(204).end();
  });

  return router;
}
