import { browserStorage, identities } from '@leadboard/client';
import type { CreatedWorkshop } from '../lib/api.js';
import { rememberWorkshop, saveStageKey } from '../lib/keys.js';
import { navigate } from '../router.js';

/** Keep a new workshop's keys on this browser and open its console. */
export function openCreated(created: CreatedWorkshop, title: string): void {
  const storage = browserStorage();
  identities.saveFacilitator(storage, created.code, created.facilitatorToken);
  saveStageKey(storage, created.code, created.stageToken);
  rememberWorkshop(storage, { code: created.code, title, openedAt: Date.now() });
  navigate(`/host/${created.code}`);
}
