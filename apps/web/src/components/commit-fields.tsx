import { type KeyboardEvent, useEffect, useState } from 'react';

interface CommitProps<T> {
  id: string;
  value: T;
  /** Writes the edit; returns false when the map refused it, to show the stored value again. */
  onCommit: (value: T) => boolean | undefined;
  testId?: string;
  placeholder?: string;
  label?: string;
}

/**
 * A draft that follows the map (a colleague's edit shows at once) unless this user is typing,
 * and is written to the map when the field loses focus or on Enter.
 */
function useDraft<T>(value: T, toText: (value: T) => string) {
  const [draft, setDraft] = useState(() => toText(value));
  const [editing, setEditing] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: toText is a pure formatter
  useEffect(() => {
    if (!editing) setDraft(toText(value));
  }, [value, editing]);
  return { draft, setDraft, editing, setEditing };
}

export function CommitText({
  id,
  value,
  onCommit,
  testId,
  placeholder,
  label,
  maxLength = 120,
  multiline = false,
}: CommitProps<string> & { maxLength?: number; multiline?: boolean }) {
  const { draft, setDraft, setEditing } = useDraft(value, (text) => text);
  const commit = () => {
    setEditing(false);
    if (draft === value) return;
    if (onCommit(draft) === false) setDraft(value);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (!multiline || event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      event.currentTarget.blur();
    }
  };
  const shared = {
    id,
    className: multiline ? 'input textarea' : 'input',
    value: draft,
    maxLength,
    placeholder,
    'aria-label': label,
    'data-testid': testId,
    onFocus: () => setEditing(true),
    onBlur: commit,
  };
  return multiline ? (
    <textarea {...shared} rows={3} onChange={(event) => setDraft(event.target.value)} onKeyDown={onKeyDown} />
  ) : (
    <input {...shared} onChange={(event) => setDraft(event.target.value)} onKeyDown={onKeyDown} />
  );
}

const numberText = (value: number | null) => (value === null ? '' : String(value));

/** A number field where an empty box means "no value" (null). */
export function CommitNumber({
  id,
  value,
  onCommit,
  testId,
  placeholder,
  label,
  integer = false,
}: CommitProps<number | null> & { integer?: boolean }) {
  const { draft, setDraft, setEditing } = useDraft(value, numberText);
  const commit = () => {
    setEditing(false);
    const trimmed = draft.trim();
    const parsed = trimmed === '' ? null : Number(trimmed);
    if (parsed !== null && (!Number.isFinite(parsed) || (integer && !Number.isInteger(parsed)))) {
      setDraft(numberText(value));
      return;
    }
    if (parsed === value) return;
    if (onCommit(parsed) === false) setDraft(numberText(value));
  };
  return (
    <input
      id={id}
      className="input"
      inputMode="decimal"
      value={draft}
      placeholder={placeholder}
      aria-label={label}
      data-testid={testId}
      onFocus={() => setEditing(true)}
      onBlur={commit}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          event.currentTarget.blur();
        }
      }}
    />
  );
}
