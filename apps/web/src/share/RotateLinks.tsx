import { useState } from 'react';
import { ApiError } from '../api/client';

interface RotateLinksProps {
  onRotate: () => Promise<void>;
}

/**
 * "Replace links": a two-step button, because replacing cuts off everyone who has the map open
 * through the current links, including colleagues in the middle of an edit.
 */
export function RotateLinks({ onRotate }: RotateLinksProps) {
  const [step, setStep] = useState<'idle' | 'confirm' | 'working'>('idle');
  const [error, setError] = useState<string | null>(null);

  const rotate = async () => {
    setStep('working');
    setError(null);
    try {
      await onRotate();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'The links could not be replaced.');
      setStep('confirm');
    }
  };

  if (step === 'idle')
    return (
      <div className="share-rotate">
        <p className="muted">Shared a link with the wrong people? Replace both links with new ones.</p>
        <button
          type="button"
          className="button small"
          onClick={() => setStep('confirm')}
          data-testid="rotate-links"
        >
          Replace links…
        </button>
      </div>
    );
  return (
    <div
      className="share-rotate confirm"
      role="alertdialog"
      aria-labelledby="rotate-title"
      data-testid="rotate-confirm"
    >
      <strong id="rotate-title">Replace both links?</strong>
      <p>
        The current edit and view links stop working at once. Everyone using them, including colleagues who
        have the map open now, loses access until you send them the new links.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="panel-actions">
        <button
          type="button"
          className="button small"
          onClick={() => setStep('idle')}
          disabled={step === 'working'}
        >
          Cancel
        </button>
        <button
          type="button"
          className="button small danger"
          onClick={rotate}
          disabled={step === 'working'}
          data-testid="rotate-links-confirm"
        >
          {step === 'working' ? 'Replacing…' : 'Replace links'}
        </button>
      </div>
    </div>
  );
}
