import type { ReactNode } from 'react';

/** One field of a read-only inspector: its label, and its value or a quiet "not set". */
export function ReadOnlyField({
  label,
  testId,
  children,
}: {
  label: string;
  testId: string;
  children: ReactNode;
}) {
  const empty = children === '' || children === null || children === undefined;
  return (
    <div className="inspector-field" data-testid={testId}>
      <dt>{label}</dt>
      <dd className={empty ? 'muted' : undefined}>{empty ? 'Not set' : children}</dd>
    </div>
  );
}
