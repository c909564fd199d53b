import * as Y from 'yjs';
import type { SharedType } from './update-guard.js';

/**
 * Makes a map loaded from storage safe to serve, for maps stored before updates were checked
 * (update-guard.ts): deletions and items waiting for edits that never came are dropped (Yjs
 * would otherwise re-merge them on every update and send them to every newcomer), and a shared
 * type or value nested deeper than the limit is deleted. Returns what was repaired, in words,
 * for the log; an empty list means the map was sound.
 */
const REPAIR_BATCH = 256;

export function repairLoadedDocument(doc: Y.Doc, maxNestingDepth: number): string[] {
  const repairs: string[] = [];
  if (doc.store.pendingDs) {
    repairs.push('dropped deletions of edits the map never had');
    doc.store.pendingDs = null;
  }
  if (doc.store.pendingStructs) {
    repairs.push('dropped edits that depend on edits the map never had');
    doc.store.pendingStructs = null;
  }
  const tooDeep = itemsTooDeep(doc, maxNestingDepth);
  if (tooDeep.length > 0) {
    repairs.push(`deleted ${tooDeep.length} value(s) nested more than ${maxNestingDepth} levels deep`);
    // Deepest first and a few hundred per transaction: Yjs collects a deleted type's subtree
    // recursively, so each transaction must only ever free a shallow one.
    tooDeep.sort((a, b) => b.depth - a.depth);
    for (let start = 0; start < tooDeep.length; start += REPAIR_BATCH) {
      doc.transact((transaction) => {
        for (const { item } of tooDeep.slice(start, start + REPAIR_BATCH)) {
          if (!item.deleted) item.delete(transaction);
        }
      }, 'baton:repair');
    }
  }
  return repairs;
}

interface DeepItem {
  item: Y.Item;
  depth: number;
}

/**
 * Every live item whose shared type sits deeper than the limit, and every plain value nested
 * deeper than the limit. Iterative: the document may be nested far deeper than the stack allows.
 */
function itemsTooDeep(doc: Y.Doc, maxDepth: number): DeepItem[] {
  const found: DeepItem[] = [];
  const types: { type: SharedType; depth: number }[] = [...doc.share.values()].map((type) => ({
    type,
    depth: 0,
  }));
  // Plain loops, no generator or per-value allocation: this runs over every item of every map
  // a room opens, and a 1,000-card map has tens of thousands of them.
  const visit = (item: Y.Item, depth: number) => {
    if (item.deleted) return;
    const content = item.content;
    if (content instanceof Y.ContentType) {
      if (depth + 1 > maxDepth) found.push({ item, depth: depth + 1 });
      types.push({ type: content.type, depth: depth + 1 });
    } else if (!(content instanceof Y.ContentString)) {
      const nested = plainValueDepth(content);
      if (nested > maxDepth) found.push({ item, depth: depth + nested });
    }
  };
  while (types.length > 0) {
    const { type, depth } = types.pop() as { type: SharedType; depth: number };
    for (const item of type._map.values()) visit(item, depth);
    for (let item = type._start; item !== null; item = item.right) visit(item, depth);
  }
  return found;
}

/**
 * How deeply an item's plain values nest: values as Yjs writes them today (ContentAny), JSON as
 * older Yjs wrote them, rich text's embeds and formats, a subdocument's options. Yjs writes the
 * JSON kinds back with `JSON.stringify`, which overflows the stack a few thousand levels down.
 */
function plainValueDepth(content: Y.Item['content']): number {
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) {
    // Almost every value is a string or a number: nothing to walk.
    if (content.arr.every((value) => value === null || typeof value !== 'object')) return 0;
    // `arr` holds the item's values: one level more than each value itself.
    return valueDepth(content.arr) - 1;
  }
  if (content instanceof Y.ContentEmbed) return valueDepth(content.embed);
  if (content instanceof Y.ContentFormat) return valueDepth(content.value);
  if (content instanceof Y.ContentDoc) return valueDepth(content.opts);
  return 0;
}

/** How deeply a plain value nests arrays and objects (a scalar: 0). */
export function valueDepth(value: unknown): number {
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
    if (current === null || typeof current !== 'object' || current instanceof Uint8Array) continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(current)) stack.push({ value: child, depth: depth + 1 });
  }
  return deepest;
}
