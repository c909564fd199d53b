import { commentCounts, type Dots, groupThreads, type MapSnapshot } from '@baton/model';
import { Panel, useStore } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { BallotResult } from './BallotResult';
import { type CardBadgeData, CardBadges, withDot } from './CardBadges';
import type { Workshop } from './useWorkshop';

interface WorkshopCanvasLayerProps {
  snapshot: MapSnapshot;
  workshop: Workshop;
  /** The one selected card: it offers "Comment" even before it has any comments. */
  selected: string | null;
  canComment: boolean;
  onOpenComments: (touchpointId: string) => void;
}

/** This participant's dots on the open ballot: placed at once on screen, then confirmed by the server. */
function useMyDots(workshop: Workshop) {
  const serverDots = workshop.state?.me?.dots;
  const ballotId = workshop.state?.ballot?.open ? workshop.state.ballot.id : null;
  const [dots, setDots] = useState<Dots>(serverDots ?? {});
  const pending = useRef(0);
  useEffect(() => {
    if (pending.current === 0) setDots(serverDots ?? {});
  }, [serverDots]);
  useEffect(() => {
    if (!ballotId) setDots({});
  }, [ballotId]);
  const place = async (next: Dots) => {
    setDots(next);
    pending.current++;
    const answer = await workshop.run(() => workshop.api.placeDots(next));
    pending.current--;
    if (answer) setDots(answer.dots);
    else setDots(workshop.state?.me?.dots ?? {});
  };
  return { dots, place };
}

const NO_BADGES: ReadonlyMap<string, CardBadgeData> = new Map();
const NO_TITLES: ReadonlyMap<string, string> = new Map();

/**
 * The workshop on the canvas: click a card to give it a dot while a ballot is open (click your
 * dots to take one back), the heat of revealed votes with the ranked result, and comment counts.
 */
export function WorkshopCanvasLayer({
  snapshot,
  workshop,
  selected,
  canComment,
  onOpenComments,
}: WorkshopCanvasLayerProps) {
  const { state } = workshop;
  const voting = Boolean(state?.ballot?.open && state.me);
  const { dots, place } = useMyDots(workshop);
  const latest = useRef({ dots, place, state });
  latest.current = { dots, place, state };
  const domNode = useStore((s) => s.domNode);

  useEffect(() => {
    if (!voting || !domNode) return;
    const onClick = (event: MouseEvent) => {
      const card = (event.target as Element).closest<HTMLElement>('[data-testid=touchpoint-card]');
      const id = card?.dataset.touchpointId;
      const ballot = latest.current.state?.ballot;
      if (!id || !ballot) return;
      event.stopPropagation();
      const current = latest.current.dots;
      const used = Object.values(current).reduce((sum, n) => sum + n, 0);
      if (used >= ballot.dotsPerPerson || (current[id] ?? 0) >= ballot.maxPerCard) return;
      void latest.current.place(withDot(current, id, 1));
    };
    domNode.addEventListener('click', onClick, { capture: true });
    domNode.classList.add('voting');
    return () => {
      domNode.removeEventListener('click', onClick, { capture: true });
      domNode.classList.remove('voting');
    };
  }, [voting, domNode]);

  const badges = useMemo(() => {
    const counts = commentCounts(groupThreads(snapshot.workshop?.comments ?? []));
    let top = 1;
    for (const touchpoint of snapshot.touchpoints) top = Math.max(top, touchpoint.votes ?? 0);
    const map = new Map<string, CardBadgeData>();
    for (const touchpoint of snapshot.touchpoints) {
      const votes = touchpoint.votes ?? 0;
      const count = counts.get(touchpoint.id);
      const myDots = voting ? (dots[touchpoint.id] ?? 0) : 0;
      const offerComment = canComment && touchpoint.id === selected;
      if (!votes && !count && !myDots && !offerComment) continue;
      map.set(touchpoint.id, {
        myDots,
        votes,
        heat: votes / top,
        comments: count?.comments ?? 0,
        openThreads: count?.openThreads ?? 0,
        offerComment,
      });
    }
    // A map without votes, comments or dots (most of them, most of the time) keeps one empty
    // list, so an edit elsewhere does not re-render the badges.
    return map.size ? map : NO_BADGES;
  }, [snapshot, dots, voting, selected, canComment]);

  const ballot = state?.ballot;
  const revealed = Boolean(ballot?.revealed);
  // The cards' titles are for the revealed result only.
  const titles = useMemo(
    () =>
      revealed
        ? new Map(snapshot.touchpoints.map((touchpoint) => [touchpoint.id, touchpoint.title]))
        : NO_TITLES,
    [revealed, snapshot.touchpoints],
  );
  return (
    <>
      <CardBadges
        badges={badges}
        voting={voting}
        onRemoveDot={(id) => void place(withDot(dots, id, -1))}
        onOpenComments={onOpenComments}
      />
      {ballot?.revealed && (
        // Inside the canvas, so it never covers the side panel or the workshop controls.
        <Panel position="top-right">
          <BallotResult
            key={ballot.id}
            ballot={ballot}
            number={Math.max(1, (state?.ballots ?? []).findIndex((entry) => entry.id === ballot.id) + 1)}
            titles={titles}
          />
        </Panel>
      )}
    </>
  );
}
