import type { Note } from '@baton/model';
import { useStore } from '@xyflow/react';
import { ViewportLayer } from '../canvas/canvas-layers';
import type { NoteActions } from './note-actions';
import { StickyNote } from './StickyNote';

interface StickyNotesProps {
  notes: readonly Note[];
  editable: boolean;
  actions: NoteActions;
  /** The note this browser just added: it opens for typing. */
  freshNoteId: string | null;
}

/** The map's sticky notes (`doc.getMap('notes')`), drawn over the journey in flow coordinates. */
export function StickyNotes({ notes, editable, actions, freshNoteId }: StickyNotesProps) {
  const zoom = useStore((state) => state.transform[2]);
  return (
    <ViewportLayer>
      <div className="sticky-notes" data-testid="sticky-notes">
        {notes.map((note) => (
          <StickyNote
            key={note.id}
            note={note}
            zoom={zoom}
            editable={editable}
            actions={actions}
            autoEdit={note.id === freshNoteId}
          />
        ))}
      </div>
    </ViewportLayer>
  );
}
