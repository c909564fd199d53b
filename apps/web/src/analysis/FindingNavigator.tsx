import type { Finding } from '@baton/model';
import { SeverityIcon } from './SeverityIcon';

interface FindingNavigatorProps {
  findings: readonly Finding[];
  focusedId: string;
  onFocusFinding: (finding: Finding) => void;
  onDone: () => void;
}

/**
 * Walking through the findings one by one, as in a review: the one shown on the canvas now,
 * "n of m", and Previous / Next, which frame the cards of the one before or after. Escape, or
 * the close button, stops showing them.
 */
export function FindingNavigator({ findings, focusedId, onFocusFinding, onDone }: FindingNavigatorProps) {
  const index = findings.findIndex((finding) => finding.id === focusedId);
  const current = findings[index];
  if (!current) return null;
  const previous = findings[index - 1];
  const next = findings[index + 1];
  return (
    <section
      className="finding-navigator"
      aria-label="Finding shown on the canvas"
      data-testid="finding-navigator"
      // Escape on its buttons lets go of the findings, as it does on the canvas (the canvas's
      // shortcuts leave keys inside a side panel to the panel).
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onDone();
      }}
    >
      <div className="finding-navigator-head">
        <span className="finding-position" data-testid="finding-position">
          Finding {index + 1} of {findings.length}
        </span>
        <button
          type="button"
          className="icon-button small"
          onClick={onDone}
          aria-label="Stop showing findings"
        >
          ×
        </button>
      </div>
      <p className="finding-current" data-testid="finding-current">
        <SeverityIcon severity={current.severity} />
        <span>{current.message}</span>
      </p>
      <div className="finding-steps">
        <button
          type="button"
          className="button small"
          disabled={!previous}
          onClick={() => previous && onFocusFinding(previous)}
          data-testid="finding-previous"
        >
          ‹ Previous
        </button>
        <button
          type="button"
          className="button small"
          disabled={!next}
          onClick={() => next && onFocusFinding(next)}
          data-testid="finding-next"
        >
          Next ›
        </button>
      </div>
    </section>
  );
}
