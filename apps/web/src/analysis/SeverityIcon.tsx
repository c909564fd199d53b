import type { Severity } from '@baton/model';
import { SEVERITY_LABELS } from './words';

/** A round status mark: a tick, an i, or an exclamation, in the severity's colour. */
export function SeverityIcon({ severity }: { severity: Severity }) {
  return (
    <span className={`severity-icon severity-${severity}`} role="img" aria-label={SEVERITY_LABELS[severity]}>
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="8" cy="8" r="8" fill="currentColor" />
        {severity === 'ok' && (
          <path
            d="M4.5 8.2l2.3 2.3 4.7-4.9"
            fill="none"
            stroke="#fff"
            strokeWidth="1.8"
            strokeLinecap="round"
          />
        )}
        {severity === 'info' && (
          <path d="M8 7.2v4.2M8 4.6v.2" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
        )}
        {(severity === 'warning' || severity === 'problem') && (
          <path d="M8 4.2v4.6M8 11.3v.2" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
        )}
      </svg>
    </span>
  );
}
