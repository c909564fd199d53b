import type { Node } from '@xyflow/react';

/** Same keys, same values, one level deep (node data holds primitives and stable objects). */
export function shallowEqual(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => Object.is(left[key], right[key]));
}

export function sameNode(a: Node, b: Node): boolean {
  return (
    a.type === b.type &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    // Cells and headers grow with their cards.
    a.width === b.width &&
    a.height === b.height &&
    a.className === b.className &&
    a.zIndex === b.zIndex &&
    a.selected === b.selected &&
    a.draggable === b.draggable &&
    a.ariaLabel === b.ariaLabel &&
    shallowEqual(a.data, b.data)
  );
}

/**
 * The previous list when the new one holds the same objects in the same order: React Flow
 * re-indexes every node (or every edge, with its connection lookup) whenever it is handed a new
 * array, and wakes each of its store's subscribers, even when no element changed.
 */
export function keepSameList<T>(previous: readonly T[] | undefined, next: T[]): T[] {
  if (!previous || previous.length !== next.length) return next;
  for (let index = 0; index < next.length; index++) if (previous[index] !== next[index]) return next;
  return previous as T[];
}

/**
 * Keeps the previous node object wherever the rebuilt one draws the same, so React Flow (which
 * compares node objects by identity) and the memoised node components skip it.
 */
export function reuseUnchanged<T extends Node>(previous: ReadonlyMap<string, T>, next: T[]): T[] {
  return next.map((node) => {
    const old = previous.get(node.id);
    return old && sameNode(old, node) ? old : node;
  });
}

/**
 * React Flow elements kept from one edit to the next, each with what it was drawn from
 * (`CardNodes`, `ConnectionEdges`): the builder compares the inputs itself, field by field, so
 * an unchanged element costs no allocation; `settle` forgets elements that are gone (one deleted
 * and added again starts afresh) and keeps the previous list when it holds the same elements.
 */
export class KeptElements<Inputs, Element extends { id: string }> {
  private readonly kept = new Map<string, { inputs: Inputs; element: Element }>();
  private list: Element[] | undefined;

  get(id: string): { inputs: Inputs; element: Element } | undefined {
    return this.kept.get(id);
  }

  set(id: string, inputs: Inputs, element: Element): void {
    this.kept.set(id, { inputs, element });
  }

  settle(built: Element[]): Element[] {
    if (this.kept.size > built.length) {
      const present = new Set(built.map((element) => element.id));
      for (const id of this.kept.keys()) if (!present.has(id)) this.kept.delete(id);
    }
    this.list = keepSameList(this.list, built);
    return this.list;
  }
}
