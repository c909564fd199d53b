import type { Dots } from '@baton/model';
import { type InternalNode, useStore } from '@xyflow/react';
import { memo } from 'react';
import { ViewportLayer } from '../canvas/canvas-layers';

export interface CardBadgeData {
  /** This participant's own dots on the card, while a ballot is open. */
  myDots: number;
  /** Revealed dot-vote total (the touchpoint's `votes`). */
  votes: number;
  /** Heat 0–1: the card's share of the most-voted card's total. */
  heat: number;
  comments: number;
  openThreads: number;
  /** The selected card, for someone who may comment: a "Comment" button even with none yet. */
  offerComment: boolean;
}

interface CardBadgesProps {
  badges: ReadonlyMap<string, CardBadgeData>;
  voting: boolean;
  onRemoveDot: (touchpointId: string) => void;
  onOpenComments: (touchpointId: string) => void;
}

type Box = { x: number; y: number; width: number };

function boxOf(node: InternalNode | undefined): Box | null {
  if (node?.type !== 'touchpoint') return null;
  return {
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    width: node.measured.width ?? node.width ?? 0,
  };
}

const Badge = memo(function Badge({
  id,
  box,
  data,
  voting,
  onRemoveDot,
  onOpenComments,
}: { id: string; box: Box; data: CardBadgeData; voting: boolean } & Omit<
  CardBadgesProps,
  'badges' | 'voting'
>) {
  return (
    <div
      className="card-badges nopan nodrag"
      style={{ transform: `translate(${box.x + box.width}px, ${box.y}px)` }}
      data-testid="card-badges"
      data-touchpoint-id={id}
    >
      {voting && data.myDots > 0 && (
        <button
          type="button"
          className="dot-badge"
          onClick={() => onRemoveDot(id)}
          aria-label={`Your ${data.myDots} dot${data.myDots === 1 ? '' : 's'} here: click to take one back`}
          title="Click to take a dot back"
          data-testid="my-dots"
          data-dots={data.myDots}
        >
          {'●'.repeat(Math.min(data.myDots, 5))}
        </button>
      )}
      {data.votes > 0 && (
        <span
          className="heat-badge"
          style={{ background: `rgb(220 38 38 / ${0.35 + 0.65 * data.heat})` }}
          title={`${data.votes} vote${data.votes === 1 ? '' : 's'}`}
          data-testid="heat-badge"
          data-votes={data.votes}
        >
          {data.votes}
        </span>
      )}
      {data.comments === 0 && data.offerComment && (
        <button
          type="button"
          className="comment-badge add"
          onClick={() => onOpenComments(id)}
          aria-label="Comment on this touchpoint"
          data-testid="comment-badge"
          data-comments={0}
        >
          Comment
        </button>
      )}
      {data.comments > 0 && (
        <button
          type="button"
          className={`comment-badge${data.openThreads > 0 ? ' open' : ''}`}
          onClick={() => onOpenComments(id)}
          aria-label={`${data.comments} comment${data.comments === 1 ? '' : 's'}, ${data.openThreads} open thread${data.openThreads === 1 ? '' : 's'}`}
          data-testid="comment-badge"
          data-comments={data.comments}
        >
          {data.comments} {data.comments === 1 ? 'comment' : 'comments'}
        </button>
      )}
    </div>
  );
});

/**
 * Badges over the touchpoint cards (your dots, the revealed vote heat, comment counts), drawn
 * in a layer of their own at each card's corner, so the canvas itself knows nothing of them.
 */
export function CardBadges({ badges, voting, onRemoveDot, onOpenComments }: CardBadgesProps) {
  const nodeLookup = useStore((state) => state.nodeLookup);
  return (
    <ViewportLayer>
      <div className="card-badge-layer">
        {[...badges].map(([id, data]) => {
          const box = boxOf(nodeLookup.get(id));
          if (!box) return null;
          return (
            <Badge
              key={id}
              id={id}
              box={box}
              data={data}
              voting={voting}
              onRemoveDot={onRemoveDot}
              onOpenComments={onOpenComments}
            />
          );
        })}
      </div>
    </ViewportLayer>
  );
}

export function withDot(dots: Dots, id: string, delta: 1 | -1): Dots {
  const next = { ...dots, [id]: Math.max(0, (dots[id] ?? 0) + delta) };
  if (next[id] === 0) delete next[id];
  return next;
}
