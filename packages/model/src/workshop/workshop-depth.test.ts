import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addDecision,
  addTouchpoint,
  commentsMap,
  createMapDocument,
  decisionsMap,
  editComment,
  readSignOffList,
  readSnapshot,
  readWorkshopResults,
  signOffsMap,
  startCommentThread,
  updateDecision,
  workshopResultsMap,
} from '../index.js';
import { nestMaps } from '../testing/deep-values.js';

describe('workshop readers and a value nested deeper than any reader can recurse', () => {
  it('read comments, decisions, sign-offs and results around it without throwing', () => {
    const doc = createMapDocument({ title: 'Deep workshop' });
    const touchpoint = addTouchpoint(doc, { title: 'Webinar', team: 'marketing', stage: 'warm' });
    startCommentThread(doc, { touchpoint, text: 'Who owns this?', author: 'Ana', team: 'marketing' });
    addDecision(doc, { text: 'Sales calls within a day', kind: 'action', owner: 'Ben' });
    for (const shared of [commentsMap(doc), decisionsMap(doc), signOffsMap(doc), workshopResultsMap(doc)]) {
      nestMaps(doc, shared, 'attack', 5000);
    }
    expect(() => workshopResultsMap(doc).toJSON()).toThrow(RangeError);

    const { snapshot } = readSnapshot(doc);
    expect(snapshot.workshop?.comments.map((comment) => comment.text)).toEqual(['Who owns this?']);
    expect(snapshot.workshop?.decisions.map((decision) => decision.text)).toEqual([
      'Sales calls within a day',
    ]);
    expect(readSignOffList(doc)).toEqual([]);
    expect(readWorkshopResults(doc)).toEqual([]);
  });

  it('edits a comment or a decision that a hostile client padded with a deep value', () => {
    const doc = createMapDocument({ title: 'Deep entries' });
    const touchpoint = addTouchpoint(doc, { title: 'Webinar', team: 'marketing', stage: 'warm' });
    const comment = startCommentThread(doc, { touchpoint, text: 'First', author: 'Ana', team: 'marketing' });
    const decision = addDecision(doc, { text: 'Call back', kind: 'action' });
    nestMaps(doc, commentsMap(doc).get(comment) as Y.Map<unknown>, 'padding', 5000);
    nestMaps(doc, decisionsMap(doc).get(decision) as Y.Map<unknown>, 'padding', 5000);

    editComment(doc, comment, 'Edited');
    updateDecision(doc, decision, { owner: 'Ben' });
    expect((commentsMap(doc).get(comment) as Y.Map<unknown>).get('text')).toBe('Edited');
    expect((decisionsMap(doc).get(decision) as Y.Map<unknown>).get('owner')).toBe('Ben');
  });
});
