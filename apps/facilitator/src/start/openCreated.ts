import { browserStorage, identities } from '@leadboard/client';
import type { CreatedWorkshop } from '@leadboard/core';
import type { Router } from 'vue-router';

/** Keep a new workshop's keys on this browser and open its console. */
export function openCreated(router: Router, created: CreatedWorkshop, title: string): Promise<unknown> {
  const storage = browserStorage();
  identities.saveFacilitator(storage, created.code, created.facilitatorToken);
  identities.saveStageKey(storage, created.code, created.stageToken);
  identities.rememberWorkshop(storage, { code: created.code, title, openedAt: Date.now() });
  return router.push(`/${created.code}`);
}
