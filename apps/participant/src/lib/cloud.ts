import { mean, spread, type Point, type RoomView } from '@leadboard/core';

export interface VoteCloud {
  /** Everyone's dot for one card, the viewer's own marked. */
  dots: (Point & { id: string; mine: boolean })[];
  centre: Point | null;
  spread: number;
}

/** The dots for one card from every sheet this view holds (only the viewer's own before the reveal). */
export function voteCloud(view: RoomView, scenarioId: string, myId: string | null): VoteCloud {
  const dots: VoteCloud['dots'] = [];
  for (const [participantId, sheet] of Object.entries(view.votes)) {
    const point = sheet[scenarioId];
    if (!point) continue;
    if (view.participants[participantId]?.status === 'removed') continue;
    dots.push({ id: participantId, x: point.x, y: point.y, mine: participantId === myId });
  }
  // Own dot last, so it is drawn on top.
  dots.sort((a, b) => Number(a.mine) - Number(b.mine));
  return { dots, centre: mean(dots), spread: spread(dots) };
}
