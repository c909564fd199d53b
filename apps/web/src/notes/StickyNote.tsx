import type { Note } from '@baton/model';
import { memo, type PointerEvent, useEffect, useRef, useState } from 'react';
import { NOTE_COLORS, type NoteActions } from './note-actions';

interface StickyNoteProps {
  note: Note;
  zoom: number;
  editable: boolean;
  actions: NoteActions;
  /** Opens the text for editing straight away (a note this browser just added). */
  autoEdit: boolean;
}

/**
 * A sticky note: drag it anywhere (written once, on drop), click its text to edit, recolour or
 * delete it. Marked `nopan nodrag nowheel` so the canvas under it neither pans nor selects.
 */
export const StickyNote = memo(function StickyNote({
  note,
  zoom,
  editable,
  actions,
  autoEdit,
}: StickyNoteProps) {
  const [offset, setOffset] = useState<{ x: number; y: number } | null>(null);
  const [editing, setEditing] = useState(autoEdit && editable);
  const [text, setText] = useState(note.text);
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  useEffect(() => {
    if (!editing) setText(note.text);
  }, [note.text, editing]);
  useEffect(() => {
    if (!editable) setEditing(false);
  }, [editable]);

  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    if (!editable || editing || (event.target as Element).closest('button, textarea')) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, y: event.clientY, moved: false };
  };
  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    const start = drag.current;
    if (!start) return;
    const dx = (event.clientX - start.x) / zoom;
    const dy = (event.clientY - start.y) / zoom;
    if (Math.abs(dx) + Math.abs(dy) > 2) start.moved = true;
    if (start.moved) setOffset({ x: dx, y: dy });
  };
  const onPointerUp = () => {
    const start = drag.current;
    drag.current = null;
    if (start?.moved && offset) {
      actions.update(note.id, { x: Math.round(note.x + offset.x), y: Math.round(note.y + offset.y) });
    }
    setOffset(null);
  };
  const commit = () => {
    setEditing(false);
    if (text !== note.text) actions.update(note.id, { text });
  };

  return (
    <article
      className={`sticky-note note-${note.color} nopan nodrag nowheel${offset ? ' dragging' : ''}`}
      style={{ transform: `translate(${note.x + (offset?.x ?? 0)}px, ${note.y + (offset?.y ?? 0)}px)` }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      data-testid="sticky-note"
      data-note-id={note.id}
      aria-label={`Sticky note by ${note.author || 'someone'}: ${note.text || 'empty'}`}
    >
      {editing ? (
        <textarea
          className="sticky-text"
          value={text}
          maxLength={2000}
          onChange={(event) => setText(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Escape' || (event.key === 'Enter' && (event.metaKey || event.ctrlKey)))
              commit();
            event.stopPropagation();
          }}
          aria-label="Note text"
          // biome-ignore lint/a11y/noAutofocus: editing starts where the user clicked
          autoFocus
          data-testid="sticky-note-input"
        />
      ) : (
        <button
          type="button"
          className="sticky-text"
          disabled={!editable}
          onClick={() => setEditing(true)}
          data-testid="sticky-note-text"
        >
          {note.text || (editable ? 'Click to write…' : '')}
        </button>
      )}
      <footer className="sticky-footer">
        <span className="sticky-author">{note.author}</span>
        {editable && (
          <span className="sticky-tools">
            {NOTE_COLORS.map((color) => (
              <button
                key={color}
                type="button"
                className={`sticky-swatch note-${color}`}
                aria-label={`Make the note ${color}`}
                aria-pressed={note.color === color}
                onClick={() => actions.update(note.id, { color })}
              />
            ))}
            <button
              type="button"
              className="sticky-delete"
              aria-label="Delete the note"
              onClick={() => actions.remove(note.id)}
              data-testid="delete-note"
            >
              ×
            </button>
          </span>
        )}
      </footer>
    </article>
  );
});
