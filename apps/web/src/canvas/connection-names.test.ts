import {
  type Connection,
  ConnectionFieldsSchema,
  type Touchpoint,
  TouchpointFieldsSchema,
} from '@baton/model';
import { expect, test } from 'vitest';
import { createConnectionNamer } from './connection-names';

function card(id: string, fields: Partial<Touchpoint>): Touchpoint {
  const parsed = TouchpointFieldsSchema.parse({ title: id, team: 'marketing', stage: 'cold', ...fields });
  return { ...parsed, id, reach: 'one-to-many' };
}

function link(id: string, source: string, target: string): Connection {
  return { ...ConnectionFieldsSchema.parse({ source, target, kind: 'flow' }), id };
}

const names = (list: { name: string }[]) => list.map((entry) => entry.name);

test('connections are named by their cards and listed as the map reads, kept as they were while nothing named changes', () => {
  const touchpoints = [
    card('ad', { title: 'Ad', stage: 'warm' }),
    card('blog', { title: 'Blog', y: 100 }),
    card('call', { title: 'Call', y: 0 }),
  ];
  const connections = [link('l1', 'ad', 'call'), link('l2', 'call', 'blog'), link('l3', 'blog', 'gone')];
  const name = createConnectionNamer();
  const first = name({ touchpoints, connections });
  // By where the source reads (Call, Blog, then Ad in the next stage); the dangling one is left out.
  expect(names(first)).toEqual(['Flow from Call to Blog', 'Flow from Ad to Call']);

  // A description edit names nothing: the very same list comes back.
  const described = touchpoints.map((tp) => (tp.id === 'ad' ? { ...tp, description: 'New copy' } : tp));
  expect(name({ touchpoints: described, connections })).toBe(first);

  // A title edit renames the connections of that card only.
  const renamed = described.map((tp) => (tp.id === 'call' ? { ...tp, title: 'Demo call' } : tp));
  const second = name({ touchpoints: renamed, connections });
  expect(names(second)).toEqual(['Flow from Demo call to Blog', 'Flow from Ad to Demo call']);

  // A move changes the order.
  const moved = renamed.map((tp) => (tp.id === 'ad' ? { ...tp, stage: 'cold' as const, y: -100 } : tp));
  expect(names(name({ touchpoints: moved, connections }))).toEqual([
    'Flow from Ad to Demo call',
    'Flow from Demo call to Blog',
  ]);
});
