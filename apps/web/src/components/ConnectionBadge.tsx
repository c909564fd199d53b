import type { ConnectionState } from '../sync/useConnectionState';

const LABELS: Record<ConnectionState, { text: string; hint: string }> = {
  connected: { text: 'Connected', hint: 'Changes are shared live.' },
  connecting: { text: 'Connecting…', hint: 'Opening the live connection.' },
  reconnecting: {
    text: 'Reconnecting…',
    hint: 'The connection dropped. Your changes are kept and will sync when it returns.',
  },
  revoked: {
    text: 'Link replaced',
    hint: 'This link no longer works. Ask whoever shared the map for a new one.',
  },
  offline: {
    text: 'Offline',
    hint: 'You are offline. Changes are saved in this browser and sync when you are back online.',
  },
};

export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const { text, hint } = LABELS[state];
  return (
    <output
      className={`connection-badge state-${state}`}
      data-testid="connection-state"
      data-state={state}
      title={hint}
      aria-live="polite"
    >
      <span className="status-dot" aria-hidden="true" />
      <span className="connection-text">{text}</span>
    </output>
  );
}
