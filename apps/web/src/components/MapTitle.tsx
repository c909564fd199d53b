import { useEffect, useState } from 'react';

interface MapTitleProps {
  title: string;
  editable: boolean;
  onRename: (title: string) => void;
}

/** The map's name in the top bar, renamed in place by editors. */
export function MapTitle({ title, editable, onRename }: MapTitleProps) {
  const [draft, setDraft] = useState(title);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setDraft(title);
  }, [title, focused]);

  if (!editable) {
    return (
      <h1 className="map-title" data-testid="map-title">
        {title}
      </h1>
    );
  }
  return (
    <input
      className="map-title editable"
      value={draft}
      maxLength={120}
      aria-label="Map title"
      data-testid="map-title"
      onFocus={() => setFocused(true)}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={() => {
        setFocused(false);
        if (draft.trim() && draft.trim() !== title) onRename(draft);
        else setDraft(title);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
        if (event.key === 'Escape') {
          setDraft(title);
          event.currentTarget.blur();
        }
      }}
    />
  );
}
