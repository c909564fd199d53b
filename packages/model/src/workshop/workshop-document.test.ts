import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { snapshotToDocument } from '../apply.js';
import { addConnection, updateConnection } from '../connections.js';
import { readSnapshot } from '../snapshot.js';
import { templateSnapshot } from '../templates/index.js';
import { addTouchpoint, moveTouchpoint, updateTouchpoint } from '../touchpoints.js';
import {
  deleteComment,
  editComment,
  groupThreads,
  replyToThread,
  setThreadResolved,
  startCommentThread,
} from './comments.js';
import { addDecision, updateDecision } from './decisions.js';
import { readWorkshopSnapshot } from './document-side.js';
import { readSignOffList, signOffStage, stageSignOffs } from './signoffs.js';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 9, minute));

function mapWithHandoff() {
  const doc = new Y.Doc();
  const webinar = addTouchpoint(doc, { title: 'Webinar', team: 'marketing', stage: 'warm' });
  const call = addTouchpoint(doc, { title: 'Discovery call', team: 'sales', stage: 'qualified' });
  const handoff = addConnection(doc, {
    source: webinar,
    target: call,
    kind: 'handoff',
    rule: 'Asked for a demo',
  });
  return { doc, webinar, call, handoff };
}

describe('comment threads on touchpoints', () => {
  it('keeps replies in their thread, resolves and reopens the thread, and deletes it whole', () => {
    const { doc, webinar } = mapWithHandoff();
    const thread = startCommentThread(
      doc,
      { touchpoint: webinar, text: 'Who runs it?', author: 'Ana', team: 'marketing' },
      at(1),
    );
    replyToThread(doc, thread, { text: 'Me, monthly', author: 'Ben', team: 'sales' }, at(2));
    editComment(doc, thread, 'Who runs it, and how often?', at(3));
    setThreadResolved(doc, thread, true, 'Ana', at(4));
    let [read] = groupThreads(readWorkshopSnapshot(doc).comments);
    expect(read?.comments.map((c) => [c.author, c.text])).toEqual([
      ['Ana', 'Who runs it, and how often?'],
      ['Ben', 'Me, monthly'],
    ]);
    expect(read).toMatchObject({ touchpoint: webinar, resolved: true, resolvedBy: 'Ana' });
    setThreadResolved(doc, thread, false, 'Ben', at(5));
    [read] = groupThreads(readWorkshopSnapshot(doc).comments);
    expect(read?.resolved).toBe(false);
    expect(read?.resolvedBy).toBeUndefined();
    deleteComment(doc, thread);
    expect(readWorkshopSnapshot(doc).comments).toEqual([]);
  });

  it('refuses an empty comment with a sentence naming the field', () => {
    const { doc, webinar } = mapWithHandoff();
    expect(() => startCommentThread(doc, { touchpoint: webinar, text: '  ', author: 'Ana' })).toThrow(
      /comment is not valid: text/,
    );
  });
});

describe('stage sign-off', () => {
  it('is signed by both teams, then stale with what changed when a touchpoint or handoff changes', () => {
    const { doc, webinar, call, handoff } = mapWithHandoff();
    const sign = (team: 'marketing' | 'sales', name: string) =>
      signOffStage(doc, readSnapshot(doc).snapshot, { stage: 'warm', team, name }, at(10));
    sign('marketing', 'Ana');
    expect(stageSignOffs(readSnapshot(doc).snapshot, readSignOffList(doc))[1]?.status).toBe('partly-signed');
    sign('sales', 'Ben');
    let warm = stageSignOffs(readSnapshot(doc).snapshot, readSignOffList(doc))[1];
    expect(warm).toMatchObject({ stage: 'warm', status: 'signed', changes: [] });

    // Moving a card inside its cell, or votes, do not undo an agreement.
    moveTouchpoint(doc, webinar, { stage: 'warm', team: 'marketing', x: 40, y: 60 });
    expect(stageSignOffs(readSnapshot(doc).snapshot, readSignOffList(doc))[1]?.status).toBe('signed');

    updateTouchpoint(doc, webinar, { owner: 'Cleo' });
    updateConnection(doc, handoff, { rule: 'Booked a demo' });
    addTouchpoint(doc, { title: 'Nurture emails', team: 'marketing', stage: 'warm' });
    warm = stageSignOffs(readSnapshot(doc).snapshot, readSignOffList(doc))[1];
    expect(warm?.status).toBe('stale');
    expect([...(warm?.changes ?? [])].sort()).toEqual([
      'Handoff Webinar → Discovery call: rule changed',
      'Touchpoint “Nurture emails” added',
      'Touchpoint “Webinar”: owner changed',
    ]);
    // The qualified stage holds the other end of the handoff, but was never signed.
    expect(stageSignOffs(readSnapshot(doc).snapshot, readSignOffList(doc))[2]?.status).toBe('open');
    expect(call).toBeTruthy();
  });
});

describe('decisions and action items', () => {
  it('links an action to a touchpoint or a finding and edits fields one by one', () => {
    const { doc, call } = mapWithHandoff();
    const action = addDecision(
      doc,
      {
        text: 'Write the qualifying rule',
        owner: 'Ben',
        due: '2026-02-01',
        link: { kind: 'touchpoint', id: call },
      },
      at(20),
    );
    addDecision(
      doc,
      { kind: 'decision', text: 'Sales owns the demo', link: { kind: 'finding', id: 'feedback.missing' } },
      at(21),
    );
    updateDecision(doc, action, { done: true, due: null });
    const decisions = readWorkshopSnapshot(doc).decisions;
    expect(decisions.map((d) => [d.kind, d.text, d.due, d.done, d.link])).toEqual([
      ['action', 'Write the qualifying rule', null, true, { kind: 'touchpoint', id: call }],
      ['decision', 'Sales owns the demo', null, false, { kind: 'finding', id: 'feedback.missing' }],
    ]);
    expect(() => updateDecision(doc, action, { due: '1st of May' })).toThrow(/YYYY-MM-DD/);
  });
});

describe('workshop data in a snapshot', () => {
  it('survives snapshot → document → snapshot, and a map without any stays without the key', () => {
    const template = templateSnapshot('b2b-services');
    expect(readSnapshot(snapshotToDocument(template)).snapshot.workshop).toBeUndefined();
    const doc = snapshotToDocument(template);
    const first = template.touchpoints[0]?.id ?? '';
    startCommentThread(
      doc,
      { touchpoint: first, text: 'Check this', author: 'Ana', team: 'marketing' },
      at(1),
    );
    signOffStage(doc, readSnapshot(doc).snapshot, { stage: 'cold', team: 'marketing', name: 'Ana' }, at(2));
    addDecision(doc, { text: 'Act', owner: 'Ben' }, at(3));
    const snapshot = readSnapshot(doc).snapshot;
    expect(snapshot.workshop?.comments).toHaveLength(1);
    expect(readSnapshot(snapshotToDocument(snapshot)).snapshot).toStrictEqual(snapshot);
  });
});
