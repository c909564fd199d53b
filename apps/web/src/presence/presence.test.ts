import { describe, expect, test } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createDragBroadcast } from '../sync/drag-presence';
import { CURSOR_IDLE_MS, createCursorTracker } from './cursor-layer';
import { peopleKey, peopleOf } from './people';
import { rosterOf } from './roster';
import { createThrottledField } from './throttled-field';

/** Two browsers' awareness, wired as the server relays it. */
function twoBrowsers() {
  const mine = new Awareness(new Y.Doc());
  const theirs = new Awareness(new Y.Doc());
  const relay = () => applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'server');
  return { mine, theirs, relay };
}

describe('presence from awareness', () => {
  test('lists people with full names, teams and roles; a malformed state is not shown', () => {
    const { mine, theirs, relay } = twoBrowsers();
    mine.setLocalStateField('user', { name: 'Ada Lovelace', color: '#e11d48' });
    theirs.setLocalStateField('user', {
      name: 'Grace Brewster Hopper',
      color: 'red; background: url(evil)',
      team: 'sales',
      role: 'participant',
    });
    relay();
    const people = peopleOf(mine);
    expect(people.map((p) => [p.name, p.isSelf, p.team ?? null, p.role ?? null, p.color])).toEqual([
      ['Ada Lovelace', true, null, null, '#e11d48'],
      ['Grace Brewster Hopper', false, 'sales', 'participant', '#64748b'],
    ]);
    theirs.setLocalStateField('user', { name: 42 });
    relay();
    expect(peopleOf(mine).map((p) => p.name)).toEqual(['Ada Lovelace']);
  });

  test('a cursor move leaves the people list unchanged', () => {
    const { mine, theirs, relay } = twoBrowsers();
    theirs.setLocalStateField('user', { name: 'Grace', color: '#7c3aed' });
    relay();
    const before = peopleKey(peopleOf(mine));
    theirs.setLocalStateField('cursor', { x: 10, y: 20 });
    relay();
    expect(peopleKey(peopleOf(mine))).toBe(before);
  });

  test('a workshop roster marks members online when a browser carries their participant id', () => {
    const { mine, theirs, relay } = twoBrowsers();
    mine.setLocalStateField('user', {
      name: 'Fran',
      color: '#0891b2',
      role: 'facilitator',
      participantId: 'p1',
    });
    theirs.setLocalStateField('user', { name: 'Viv', color: '#ca8a04' });
    relay();
    const roster = rosterOf(peopleOf(mine), [
      { id: 'p1', name: 'Fran Facilitator', team: null, role: 'facilitator' },
      { id: 'p2', name: 'Sam Sales', team: 'sales', role: 'participant' },
    ]);
    expect(roster.map((e) => [e.name, e.role, e.online, e.isSelf])).toEqual([
      ['Fran Facilitator', 'facilitator', true, true],
      ['Viv', 'viewer', true, false],
      ['Sam Sales', 'participant', false, false],
    ]);
  });
});

describe('live cursors', () => {
  test('a still cursor hides after the idle time and shows again on the next move', () => {
    const { mine, theirs, relay } = twoBrowsers();
    theirs.setLocalState({ user: { name: 'Grace Hopper', color: '#7c3aed' }, cursor: { x: 100, y: 50 } });
    relay();
    const tracker = createCursorTracker();
    expect(tracker.read(mine, 0)).toMatchObject([{ name: 'Grace Hopper', x: 100, y: 50, idle: false }]);
    expect(tracker.read(mine, CURSOR_IDLE_MS + 1)).toMatchObject([{ idle: true }]);
    theirs.setLocalStateField('cursor', { x: 101, y: 50 });
    relay();
    expect(tracker.read(mine, CURSOR_IDLE_MS + 2)).toMatchObject([{ x: 101, idle: false }]);
    theirs.setLocalStateField('cursor', null);
    relay();
    expect(tracker.read(mine, CURSOR_IDLE_MS + 3)).toEqual([]);
  });

  test('a cursor with a non-finite or absurd position is dropped', () => {
    const { mine, theirs, relay } = twoBrowsers();
    theirs.setLocalState({ user: { name: 'Mallory', color: '#000000' }, cursor: { x: 1e12, y: 0 } });
    relay();
    expect(createCursorTracker().read(mine, 0)).toEqual([]);
  });

  test('publishing is throttled to one message per interval and ends on the latest position', async () => {
    const awareness = new Awareness(new Y.Doc());
    let messages = 0;
    awareness.on('update', () => messages++);
    const field = createThrottledField<{ x: number; y: number }>(awareness, 'cursor', 50);
    for (let i = 0; i < 100; i++) field.set({ x: i, y: 0 });
    // Not inside the pointer event: the first goes out from a timer, right after it.
    expect(messages).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(messages).toBe(1);
    field.set({ x: 100, y: 0 });
    field.set({ x: 101, y: 0 });
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(messages).toBe(2);
    expect(awareness.getLocalState()?.cursor).toEqual({ x: 101, y: 0 });
    field.set(null);
    expect(awareness.getLocalState()?.cursor).toBeNull();
    field.dispose();
  });

  test('a drag and the pointer moving with it go out as one message per window', async () => {
    const awareness = new Awareness(new Y.Doc());
    let messages = 0;
    awareness.on('update', () => messages++);
    const cursor = createThrottledField<{ x: number; y: number }>(awareness, 'cursor', 60);
    const drag = createDragBroadcast(awareness);
    for (let i = 0; i < 30; i++) {
      cursor.set({ x: i, y: 0 });
      drag.move([{ id: 'card-1', x: i + 0.4, y: 10 }]);
      await new Promise((resolve) => setTimeout(resolve, 8));
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    // ~240 ms of moving: one message per 40 ms window at most, carrying both fields.
    expect(messages).toBeGreaterThan(2);
    expect(messages).toBeLessThanOrEqual(9);
    expect(awareness.getLocalState()).toMatchObject({
      cursor: { x: 29, y: 0 },
      drag: { cards: [{ id: 'card-1', x: 29, y: 10 }] },
    });
    drag.end();
    expect(awareness.getLocalState()?.drag).toBeNull();
    cursor.dispose();
  });
});
