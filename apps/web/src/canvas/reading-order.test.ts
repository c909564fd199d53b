import { type Touchpoint, TouchpointFieldsSchema } from '@baton/model';
import { describe, expect, test } from 'vitest';
import { inReadingOrder } from './flow-elements';

function card(id: string, fields: Partial<Touchpoint>): Touchpoint {
  const parsed = TouchpointFieldsSchema.parse({ title: id, team: 'marketing', stage: 'cold', ...fields });
  return { ...parsed, id, reach: 'one-to-many' };
}

const titles = (cards: Touchpoint[]) => cards.map((touchpoint) => touchpoint.title);

describe('the order Tab walks the cards in', () => {
  test('stage, then lane, then top to bottom; an edit that moves nothing keeps it, with the new titles', () => {
    const map = [
      card('c', { stage: 'warm', y: 0 }),
      card('b', { stage: 'cold', team: 'sales', y: 0 }),
      card('a', { stage: 'cold', y: 100 }),
      card('d', { stage: 'cold', y: 0 }),
    ];
    expect(titles(inReadingOrder(map))).toEqual(['d', 'a', 'b', 'c']);
    const renamed = map.map((touchpoint) =>
      touchpoint.id === 'a' ? { ...touchpoint, title: 'Webinar' } : touchpoint,
    );
    expect(titles(inReadingOrder(renamed))).toEqual(['d', 'Webinar', 'b', 'c']);
    const moved = renamed.map((touchpoint) =>
      touchpoint.id === 'a' ? { ...touchpoint, y: -50 } : touchpoint,
    );
    expect(titles(inReadingOrder(moved))).toEqual(['Webinar', 'd', 'b', 'c']);
    expect(titles(inReadingOrder(moved.slice(1)))).toEqual(['Webinar', 'd', 'b']);
  });
});
