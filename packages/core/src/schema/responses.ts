import { z } from 'zod';
import { ERROR_CODES } from '../constants.js';
import { REFUSAL_REASONS } from '../i18n/refusal.js';
import { PhaseName } from './common.js';

/** What a refusal names beyond its code, so that a screen can word it in its own language. */
const refusalDetail = {
  reason: z.enum(REFUSAL_REASONS).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
};

/** Every HTTP refusal's body (docs/protocol.md "Errors"). */
export const ErrorBodySchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), retryAfterMs: z.number().optional(), ...refusalDetail }),
});

/** `POST /api/workshops` and `POST /api/workshops/import`: 201 with the new code, its two secrets and its links. */
export const CreatedWorkshopSchema = z.object({
  code: z.string(),
  facilitatorToken: z.string(),
  stageToken: z.string(),
  facilitatorUrl: z.string(),
  /** On an address phones can open (PUBLIC_URL, else this machine's LAN address for a console on localhost). */
  joinUrl: z.string(),
  stageUrl: z.string(),
});

/** `GET /api/workshops/:code`: what the join page shows before a person types a name. */
export const WorkshopSummarySchema = z.object({
  code: z.string(),
  title: z.string(),
  phase: PhaseName,
  teams: z.array(z.object({ id: z.string(), name: z.string(), color: z.string() })),
  /** Active participants. */
  participants: z.int(),
  joinable: z.boolean(),
  /** Why nobody new can join (ended, locked, full), or null. */
  closed: z.object({ code: z.enum(ERROR_CODES), message: z.string(), ...refusalDetail }).nullable(),
  /** What the join page promises about who sees what (docs/privacy.md). */
  privacy: z.object({ anonymous: z.boolean(), namedExport: z.boolean() }),
});

/** `GET /api/addresses`: where phones can open the join link. */
export const JoinAddressesSchema = z.object({
  /** PUBLIC_URL, when the server was given one: then it is the only address to use. */
  publicUrl: z.string().nullable(),
  /** This machine's addresses on the local network (http://192.168.1.20:3000), most likely first. */
  lan: z.array(z.string()),
});
