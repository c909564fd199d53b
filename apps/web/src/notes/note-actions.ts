import { addNote, deleteNote, ModelError, type NoteFieldsInput, updateNote } from '@baton/model';
import type * as Y from 'yjs';

export const NOTE_COLORS = ['yellow', 'pink', 'blue', 'green'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];
export const NOTE_SIZE = { width: 180, height: 130 } as const;

/** Sticky-note writes, through `@baton/model`, tagged with this browser's origin (undoable). */
export interface NoteActions {
  add: (at: { x: number; y: number }, author: string) => string | null;
  update: (id: string, patch: Partial<NoteFieldsInput>) => void;
  remove: (id: string) => void;
}

export function createNoteActions(
  doc: Y.Doc,
  origin: object,
  onError: (message: string) => void,
): NoteActions {
  function run<T>(write: () => T): T | null {
    try {
      let result: T | null = null;
      doc.transact(() => {
        result = write();
      }, origin);
      return result;
    } catch (error) {
      onError(error instanceof ModelError ? error.message : 'The note could not be saved.');
      return null;
    }
  }
  return {
    add: (at, author) =>
      run(() =>
        addNote(doc, {
          text: '',
          x: Math.round(at.x - NOTE_SIZE.width / 2),
          y: Math.round(at.y - NOTE_SIZE.height / 2),
          author,
          color: 'yellow',
        }),
      ),
    update: (id, patch) => void run(() => updateNote(doc, id, patch)),
    remove: (id) => void run(() => deleteNote(doc, id)),
  };
}
