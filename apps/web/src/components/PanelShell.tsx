import type { ReactNode } from 'react';

interface PanelShellProps {
  title: string;
  label: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
}

/** The side panel frame every editor shares: a heading, a close button, Escape to close. */
export function PanelShell({ title, label, testId, onClose, children }: PanelShellProps) {
  return (
    <aside
      className="side-panel"
      aria-label={label}
      data-testid={testId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      <header className="panel-header">
        <h2>{title}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close the editor">
          ×
        </button>
      </header>
      {children}
    </aside>
  );
}
