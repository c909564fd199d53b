/**
 * Whether a card's stage tag fits beside its channel chip without being cut, so it needs no clip
 * of its own. Every clipped element splits the card's paint into more chunks, and with 1,000
 * cards that doubled the compositing work of each frame that repaints a card (a title edit, a
 * drag). Up to 9 characters of Latin (or Greek, Cyrillic…) text, upper-cased at the tag's size,
 * fit beside the widest chip ("Direct mail"); wider scripts and emoji may not, so those tags and
 * longer ones keep their clip and ellipsis.
 */
export function stageTagFits(label: string): boolean {
  if (label.length > 9) return false;
  for (let index = 0; index < label.length; index++) if (label.charCodeAt(index) >= 0x2e80) return false;
  return true;
}
