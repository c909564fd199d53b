import type { Touchpoint } from '@baton/model';
import { useState } from 'react';

interface DeletedCardNoticeProps {
  /** The card as this user last saw it, with what they typed since. */
  touchpoint: Touchpoint;
  onRestore: () => void;
}

/** The text a user may have typed into a card, as plain text to paste elsewhere. */
function typedText(touchpoint: Touchpoint): string {
  return [touchpoint.title, touchpoint.owner && `Owner: ${touchpoint.owner}`, touchpoint.description]
    .filter(Boolean)
    .join('\n');
}

/**
 * Shown in the touchpoint editor when someone else deletes the card being edited: the editor
 * stays open with what was typed, which can be put back on the map or copied.
 */
export function DeletedCardNotice({ touchpoint, onRestore }: DeletedCardNoticeProps) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(typedText(touchpoint));
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="deleted-card-notice" role="alert" data-testid="touchpoint-deleted-warning">
      <p>
        <strong>Someone else deleted this touchpoint</strong> while you were editing it. What you typed is
        kept here until you close the editor.
      </p>
      <div className="panel-actions">
        <button type="button" className="button primary" data-testid="restore-touchpoint" onClick={onRestore}>
          Put it back
        </button>
        <button type="button" className="button" data-testid="copy-touchpoint-text" onClick={copy}>
          {copied ? 'Copied' : 'Copy the text'}
        </button>
      </div>
    </div>
  );
}
