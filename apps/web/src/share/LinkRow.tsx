import { CopyButton } from './CopyButton';

interface LinkRowProps {
  label: string;
  hint: string;
  url: string | null;
  testId: string;
}

/** One share link: what it allows, the link itself (selectable) and a copy button. */
export function LinkRow({ label, hint, url, testId }: LinkRowProps) {
  return (
    <div className="share-link" data-testid={`${testId}-row`}>
      <div className="share-link-text">
        <strong>{label}</strong>
        <span className="muted">{hint}</span>
      </div>
      <div className="share-link-field">
        <input
          className="input"
          readOnly
          value={url ?? ''}
          aria-label={`${label} URL`}
          data-testid={`${testId}-url`}
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton
          text={url ?? ''}
          label="Copy"
          ariaLabel={`Copy the ${label.toLowerCase()}`}
          testId={`copy-${testId}`}
          className="button small primary"
        />
      </div>
    </div>
  );
}
