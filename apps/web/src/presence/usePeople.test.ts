// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, expect, test } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { PresenceUser } from './presence-schema';
import { usePeople } from './usePeople';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const unmounts: (() => void)[] = [];
afterEach(() => {
  for (const unmount of unmounts.splice(0)) act(unmount);
});

function Probe({ awareness, user }: { awareness: Awareness; user: PresenceUser }) {
  usePeople(awareness, user);
  return null;
}

/**
 * Issue 12: the workspace builds the presence user afresh on every render (every edit to the
 * map), and each one was published, sending everyone on the map an awareness update per
 * keystroke of anyone. Only a user that differs is published.
 */
test('re-rendering with an equal user publishes nothing; a changed one is published', () => {
  const awareness = new Awareness(new Y.Doc());
  const published: unknown[] = [];
  awareness.on('update', () => published.push(awareness.getLocalState()?.user));
  const root = createRoot(document.createElement('div'));
  unmounts.push(() => root.unmount());
  const user = (name: string): PresenceUser => ({
    name,
    color: '#e11d48',
    team: null,
    role: null,
    participantId: null,
  });
  act(() => root.render(createElement(Probe, { awareness, user: user('Ada') })));
  expect(published).toHaveLength(1);
  for (let edit = 0; edit < 5; edit++)
    act(() => root.render(createElement(Probe, { awareness, user: user('Ada') })));
  expect(published).toHaveLength(1);
  act(() => root.render(createElement(Probe, { awareness, user: user('Ada Lovelace') })));
  expect(published).toHaveLength(2);
  expect(awareness.getLocalState()?.user).toMatchObject({ name: 'Ada Lovelace' });
});
