import { buildView, participantView, progress, type Audience, type Progress, type RoomState, type RoomView } from '@leadboard/core';

// A room's state is never changed in place (every commit makes a new one), so what is computed
// from one state holds for as long as that state is the room's: a burst of joins at the same
// state shares one public view and one set of counts.
const publicViews = new WeakMap<RoomState, RoomView>();
const stageViews = new WeakMap<RoomState, RoomView>();
const counts = new WeakMap<RoomState, Progress>();

/** The view an audience holds of a state; the public part is built once per state. */
export function viewOf(state: RoomState, audience: Audience): RoomView {
  if (audience.kind === 'facilitator') return buildView(state, audience);
  if (audience.kind === 'stage') {
    let stage = stageViews.get(state);
    if (!stage) stageViews.set(state, (stage = buildView(state, audience)));
    return stage;
  }
  let shared = publicViews.get(state);
  if (!shared) publicViews.set(state, (shared = buildView(state, { kind: 'public' })));
  return audience.kind === 'participant' ? participantView(shared, state, audience.participantId) : shared;
}

/** The room's counts at a state, computed once per state. */
export function progressOf(state: RoomState): Progress {
  let known = counts.get(state);
  if (!known) counts.set(state, (known = progress(state)));
  return known;
}
