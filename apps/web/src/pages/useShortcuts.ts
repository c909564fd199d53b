import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  undo: () => void;
  redo: () => void;
  copy: () => boolean;
  paste: () => boolean;
  selectAll: () => void;
  /** Enter on a selected card: move focus into its editor. */
  openEditor: () => boolean;
  clearSelection: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  return (
    element.isContentEditable ||
    element.tagName === 'INPUT' ||
    element.tagName === 'TEXTAREA' ||
    element.tagName === 'SELECT'
  );
}

/**
 * The canvas shortcuts users expect from Miro or FigJam: Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z (or
 * Ctrl+Y), Ctrl/Cmd+C/V/A, Enter into the editor, Escape to let go. Never while typing in a
 * field, where these keys belong to the text. (Delete is React Flow's own.) Read-only, the keys
 * that change nothing still work: Ctrl/Cmd+A selects the cards (not the page's text), Ctrl/Cmd+C
 * copies them, Enter opens the card's details, Escape lets go.
 */
export function useShortcuts(editable: boolean, handlers: ShortcutHandlers): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      if ((event.target as HTMLElement | null)?.closest?.('.side-panel, .modal, .palette')) return;
      const on = current.current;
      const mod = event.metaKey || event.ctrlKey;
      const key = event.key.toLowerCase();
      let handled = true;
      const undoKey = mod && key === 'z' && !event.shiftKey;
      const redoKey = mod && ((key === 'z' && event.shiftKey) || key === 'y');
      if (!editable && (undoKey || redoKey)) handled = false;
      else if (undoKey) on.undo();
      else if (redoKey) on.redo();
      else if (mod && key === 'c') handled = on.copy();
      else if (mod && key === 'v') handled = editable && on.paste();
      else if (mod && key === 'a') on.selectAll();
      else if (!mod && event.key === 'Enter') handled = on.openEditor();
      else if (!mod && event.key === 'Escape') on.clearSelection();
      else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [editable]);
}
