import type * as Y from 'yjs';
import { z } from 'zod';
import { addConnection } from './connections.js';
import { newId } from './document.js';
import { invalidInput, ModelError } from './errors.js';
import { clampToCell } from './layout.js';
import { ConnectionFieldsSchema, type MapSnapshot, TouchpointFieldsSchema } from './schema.js';
import { addTouchpoints } from './touchpoints.js';

/**
 * What Ctrl/Cmd+C keeps: copied cards and the connections running between them. It travels
 * through localStorage, where another tab, another version of Baton or anyone may have written
 * it, so it is read with this schema before anything is pasted.
 */
export const CopiedCardsSchema = z
  .object({
    touchpoints: z
      .array(TouchpointFieldsSchema.omit({ votes: true }))
      .min(1)
      .max(500),
    /** Indexes into `touchpoints`, so pasted connections join the pasted cards. */
    connections: z
      .array(
        ConnectionFieldsSchema.omit({ source: true, target: true }).extend({
          source: z.number().int().min(0),
          target: z.number().int().min(0),
        }),
      )
      .max(2000),
  })
  .superRefine((copy, context) => {
    copy.connections.forEach((connection, index) => {
      for (const end of ['source', 'target'] as const) {
        if (connection[end] >= copy.touchpoints.length)
          context.addIssue({
            code: 'custom',
            path: ['connections', index, end],
            message: 'names no copied card',
          });
      }
      if (connection.source === connection.target)
        context.addIssue({
          code: 'custom',
          path: ['connections', index],
          message: 'connects a card to itself',
        });
    });
  });
export type CopiedCards = z.input<typeof CopiedCardsSchema>;

/** Copies the chosen cards (every field but id and votes) and the connections between them. */
export function copyCards(snapshot: MapSnapshot, ids: readonly string[]): CopiedCards | null {
  const chosen = snapshot.touchpoints.filter((touchpoint) => ids.includes(touchpoint.id));
  if (chosen.length === 0) return null;
  const index = new Map(chosen.map((touchpoint, position) => [touchpoint.id, position]));
  return {
    touchpoints: chosen.map(({ id: _id, votes: _votes, ...fields }) => ({
      ...fields,
      metrics: fields.metrics.map((metric) => ({ ...metric })),
    })),
    connections: snapshot.connections.flatMap(({ id: _id, source, target, ...fields }) => {
      const from = index.get(source);
      const to = index.get(target);
      return from === undefined || to === undefined ? [] : [{ ...fields, source: from, target: to }];
    }),
  };
}

/** Reads a copy from untrusted text; null if it is not one. */
export function parseCopiedCards(text: string): z.output<typeof CopiedCardsSchema> | null {
  try {
    const parsed = CopiedCardsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Pastes copies of the cards, `shift` further into their cells (or, where a card is there
 * already, in the cell's next free slot), with the connections between them. The whole copy is checked before the transaction opens, so it pastes whole or not at all.
 */
export function pasteCards(
  doc: Y.Doc,
  copy: unknown,
  shift: number,
  makeId: () => string = newId,
): { touchpoints: string[]; connections: string[] } {
  const parsed = CopiedCardsSchema.safeParse(copy);
  if (!parsed.success) throw invalidInput('copy', parsed.error, 'clipboard');
  if (!Number.isFinite(shift)) throw new ModelError('invalid-input', 'The paste offset is not a number.');
  let result = { touchpoints: [] as string[], connections: [] as string[] };
  doc.transact(() => {
    const touchpoints = addTouchpoints(
      doc,
      parsed.data.touchpoints.map((card) => ({
        input: { ...card, ...clampToCell({ x: card.x + shift, y: card.y + shift }) },
        id: makeId(),
        // Pasted copies land in free space, never on their originals or on each other.
        avoidOverlap: true,
      })),
    );
    const connections = parsed.data.connections.map(({ source, target, ...fields }) =>
      addConnection(doc, {
        ...fields,
        source: touchpoints[source] as string,
        target: touchpoints[target] as string,
      }),
    );
    result = { touchpoints, connections };
  });
  return result;
}
