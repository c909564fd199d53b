import { type CopiedCards, copyCards, parseCopiedCards } from '@baton/model';

export { type CopiedCards, copyCards };

const STORAGE_KEY = 'baton-clipboard';

/** Kept in localStorage, so a copy can be pasted into another map or tab. */
export function storeCopy(copy: CopiedCards): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(copy));
  } catch {
    // Storage full or blocked: the copy is simply not kept.
  }
}

/**
 * The last copy, checked with the model's schema: localStorage is shared with every tab and
 * every version of Baton, so what is there may be anything.
 */
export function loadCopy(): CopiedCards | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? parseCopiedCards(raw) : null;
  } catch {
    return null;
  }
}
