import type { MapSnapshot } from '@baton/model';
import type { Selection } from '../canvas/selection';
import type { UndoControls } from '../editing/useUndo';
import { useShortcuts } from './useShortcuts';

interface MapShortcutActions {
  snapshot: MapSnapshot;
  selection: Selection;
  undo: UndoControls;
  clipboard: { copy: () => boolean; paste: () => boolean };
  select: (selection: Selection) => void;
  selectOne: (id: string) => void;
  closePanel: () => void;
}

/** The open map's keyboard shortcuts (`useShortcuts`) wired to its undo, clipboard and selection. */
export function useMapShortcuts(editable: boolean, actions: MapShortcutActions): void {
  const { snapshot, selection, undo, clipboard, select, selectOne, closePanel } = actions;
  useShortcuts(editable, {
    undo: undo.undo,
    redo: undo.redo,
    copy: clipboard.copy,
    paste: clipboard.paste,
    selectAll: () => select({ touchpoints: snapshot.touchpoints.map((tp) => tp.id), connections: [] }),
    openEditor: () => {
      const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>(
        '.react-flow__node-touchpoint',
      );
      const id =
        focused?.dataset.id ?? (selection.touchpoints.length === 1 ? selection.touchpoints[0] : undefined);
      if (!id) return false;
      selectOne(id);
      // Two frames: the editor mounts in the first, its field exists in the second.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => document.getElementById('edit-title')?.focus()),
      );
      return true;
    },
    clearSelection: closePanel,
  });
}
