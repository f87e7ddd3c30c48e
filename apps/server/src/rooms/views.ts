import { buildView, participantView, progress, sharedAudience, type Audience, type Progress, type RoomState, type RoomView } from '@leadboard/core';

// A room's state is never changed in place (every commit makes a new one), so what is computed
// from one state holds for as long as that state is the room's: a burst of joins at the same
// state shares one public view and one set of counts.
const publicViews = new WeakMap<RoomState, RoomView>();
const teamViews = new WeakMap<RoomState, Map<string, RoomView>>();
const stageViews = new WeakMap<RoomState, RoomView>();
const counts = new WeakMap<RoomState, Progress>();

/** The view an audience holds of a state; what phones share (per team, and for the teamless) is built once per state. */
export function viewOf(state: RoomState, audience: Audience): RoomView {
  switch (audience.kind) {
    case 'facilitator':
      return buildView(state, audience);
    case 'stage': {
      let stage = stageViews.get(state);
      if (!stage) stageViews.set(state, (stage = buildView(state, audience)));
      return stage;
    }
    case 'public': {
      let shared = publicViews.get(state);
      if (!shared) publicViews.set(state, (shared = buildView(state, audience)));
      return shared;
    }
    case 'team': {
      let byTeam = teamViews.get(state);
      if (!byTeam) teamViews.set(state, (byTeam = new Map()));
      let shared = byTeam.get(audience.teamId);
      if (!shared) byTeam.set(audience.teamId, (shared = buildView(state, audience)));
      return shared;
    }
    case 'participant':
      return participantView(viewOf(state, sharedAudience(state, audience.participantId)), state, audience.participantId);
  }
}

/** The room's counts at a state, computed once per state. */
export function progressOf(state: RoomState): Progress {
  let known = counts.get(state);
  if (!known) counts.set(state, (known = progress(state)));
  return known;
}
