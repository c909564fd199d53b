import { describe, expect, it } from 'vitest';
import { handBuiltMap, relayMap } from '../analysis/hand-built.js';
import type { MapSnapshot } from '../schema.js';
import { computeChanges } from './compute.js';
import { describeChanges, summarizeChanges } from './words.js';

/** The relay map, then edited by `change` on a deep copy. */
function relayAnd(change: (map: MapSnapshot) => void): [MapSnapshot, MapSnapshot] {
  const before = handBuiltMap(relayMap());
  const after = structuredClone(before);
  change(after);
  return [before, after];
}

const touchpoint = (map: MapSnapshot, id: string) => {
  const found = map.touchpoints.find((entry) => entry.id === id);
  if (!found) throw new Error(`no touchpoint ${id}`);
  return found;
};
const connection = (map: MapSnapshot, id: string) => {
  const found = map.connections.find((entry) => entry.id === id);
  if (!found) throw new Error(`no connection ${id}`);
  return found;
};

describe('changes between two snapshots of a map', () => {
  it('finds nothing between a map and its copy', () => {
    const [before, after] = relayAnd(() => {});
    const changes = computeChanges(before, after);
    expect(changes.count).toBe(0);
    expect(describeChanges(changes)).toEqual([]);
    expect(summarizeChanges(changes)).toBe('Nothing changed.');
  });

  it('names touchpoints added and removed with their cell', () => {
    const [before, after] = relayAnd((map) => {
      map.touchpoints = map.touchpoints.filter((entry) => entry.id !== 'ad');
      map.connections = map.connections.filter((entry) => entry.id !== 'ad-email');
      map.touchpoints.push({ ...touchpoint(map, 'email'), id: 'webinar', title: 'Webinar invite' });
    });
    const changes = computeChanges(before, after);
    expect(changes.touchpoints.added).toEqual([
      { id: 'webinar', title: 'Webinar invite', stage: 'warm', team: 'marketing' },
    ]);
    expect(changes.touchpoints.removed).toEqual([
      { id: 'ad', title: 'Sponsored post', stage: 'cold', team: 'marketing' },
    ]);
    const lines = describeChanges(changes).map((entry) => entry.text);
    expect(lines).toContain('Added “Webinar invite” (Warm · Marketing).');
    expect(lines).toContain('Removed “Sponsored post” (Cold · Marketing).');
    expect(lines).toContain('Removed the flow “Sponsored post” → “Nurture email”.');
  });

  it('calls a change of stage or team a move, and a change of position within the cell nothing', () => {
    const [before, after] = relayAnd((map) => {
      Object.assign(touchpoint(map, 'call'), { stage: 'warm', team: 'sales' });
      Object.assign(touchpoint(map, 'onboarding'), { x: 120, y: 40 });
    });
    const changes = computeChanges(before, after);
    expect(changes.touchpoints.moved).toEqual([
      {
        touchpoint: { id: 'call', title: 'Discovery call', stage: 'warm', team: 'sales' },
        from: { stage: 'qualified', team: 'sales' },
        to: { stage: 'warm', team: 'sales' },
      },
    ]);
    expect(changes.touchpoints.edited).toEqual([]);
    expect(describeChanges(changes)[0]?.text).toBe(
      'Moved “Discovery call” from Qualified · Sales to Warm · Sales.',
    );
  });

  it('lists the edited fields of a touchpoint, old → new, metrics by kind', () => {
    const [before, after] = relayAnd((map) => {
      Object.assign(touchpoint(map, 'email'), {
        title: 'Nurture sequence',
        channel: 'email',
        owner: 'Ana',
        description: 'Five emails over two weeks',
        metrics: [{ kind: 'leads', target: 200, actual: 180 }],
        votes: 3,
      });
    });
    const [edit] = computeChanges(before, after).touchpoints.edited;
    expect(edit?.touchpoint.id).toBe('email');
    expect(edit?.fields).toEqual([
      { field: 'title', from: '“Nurture email”', to: '“Nurture sequence”' },
      { field: 'channel', from: 'Other', to: 'Email' },
      { field: 'description', from: '(none)', to: '“Five emails over two weeks”' },
      { field: 'owner', from: '(none)', to: '“Ana”' },
      { field: 'metric leads', from: '(none)', to: 'target 200, actual 180' },
      { field: 'votes', from: '0', to: '3' },
    ]);
  });

  it('reports a move and an edit of the same card as both, under the card’s new title', () => {
    const [before, after] = relayAnd((map) => {
      Object.assign(touchpoint(map, 'email'), {
        stage: 'qualified',
        team: 'sales',
        title: 'Sales follow-up email',
      });
    });
    const changes = computeChanges(before, after);
    expect(changes.touchpoints.moved.map((move) => [move.touchpoint.title, move.from, move.to])).toEqual([
      ['Sales follow-up email', { stage: 'warm', team: 'marketing' }, { stage: 'qualified', team: 'sales' }],
    ]);
    expect(changes.touchpoints.edited.map((edit) => edit.fields)).toEqual([
      [{ field: 'title', from: '“Nurture email”', to: '“Sales follow-up email”' }],
    ]);
    expect(changes.touchpoints.added).toEqual([]);
    expect(changes.touchpoints.removed).toEqual([]);
    const lines = describeChanges(changes).filter((entry) => entry.touchpointIds.includes('email'));
    expect(lines.map((entry) => entry.kind).slice(0, 2)).toEqual(['moved', 'edited']);
  });

  it('names connections added, removed and edited', () => {
    const [before, after] = relayAnd((map) => {
      map.connections = map.connections.filter((entry) => entry.id !== 'call-onboarding');
      map.connections.push({
        id: 'ad-call',
        source: 'ad',
        target: 'call',
        kind: 'flow',
        label: '',
        rule: '',
        owner: '',
      });
      connection(map, 'ad-email').label = 'clicks';
    });
    const changes = computeChanges(before, after);
    expect(
      changes.connections.added.map((entry) => [entry.id, entry.sourceTitle, entry.targetTitle]),
    ).toEqual([['ad-call', 'Sponsored post', 'Discovery call']]);
    expect(changes.connections.removed.map((entry) => entry.id)).toEqual(['call-onboarding']);
    expect(changes.connections.edited).toEqual([
      {
        connection: expect.objectContaining({ id: 'ad-email' }),
        fields: [{ field: 'label', from: '(none)', to: '“clicks”' }],
      },
    ]);
    const connected = describeChanges(changes).find((entry) => entry.kind === 'connected');
    expect(connected).toEqual({
      kind: 'connected',
      text: 'Connected flow “Sponsored post” → “Discovery call”.',
      touchpointIds: ['ad', 'call'],
      connectionIds: ['ad-call'],
    });
  });

  it('reports a handoff’s new owner and qualifying rule as a handoff change, not a connection edit', () => {
    const [before, after] = relayAnd((map) => {
      Object.assign(connection(map, 'email-call'), { owner: 'Ben', rule: 'Asked for a demo' });
    });
    const changes = computeChanges(before, after);
    expect(changes.connections.edited).toEqual([]);
    expect(changes.handoffs).toEqual([
      {
        connection: expect.objectContaining({ id: 'email-call', kind: 'handoff' }),
        owner: { from: 'Dana', to: 'Ben' },
        rule: { from: 'Opened three emails and booked a call', to: 'Asked for a demo' },
      },
    ]);
    expect(describeChanges(changes)[0]?.text).toBe(
      'Handoff “Nurture email” → “Discovery call”: owner “Dana” → “Ben”; rule “Opened three emails and booked a call” → “Asked for a demo”.',
    );
  });

  it('reports stage lead counts, by the stage’s own name', () => {
    const [before, after] = relayAnd((map) => {
      map.stages.warm.leads = 260000;
      map.stages.customer.leads = null;
      map.stages.warm.label = 'Interested';
    });
    const changes = computeChanges(before, after);
    expect(changes.stages).toEqual([
      { stage: 'warm', label: 'Interested', from: 200, to: 260000 },
      { stage: 'customer', label: 'Customer', from: 10, to: null },
    ]);
    const leadLines = describeChanges(changes).filter((entry) => entry.kind === 'leads');
    expect(leadLines.map((entry) => entry.text)).toEqual([
      'Interested leads: 200 → 260,000.',
      'Customer leads: 10 → not counted.',
    ]);
  });

  it('tells which analysis findings were resolved and which are new', () => {
    const before = handBuiltMap({
      ...relayMap(),
      connections: relayMap().connections?.filter((entry) => entry.kind !== 'feedback'),
    });
    const after = structuredClone(before);
    after.connections.push({
      id: 'loop',
      source: 'call',
      target: 'email',
      kind: 'feedback',
      label: '',
      rule: '',
      owner: '',
    });
    connection(after, 'email-call').rule = '';
    const changes = computeChanges(before, after);
    expect(changes.findings.resolved.map((finding) => finding.id)).toEqual(['feedback.missing']);
    expect(changes.findings.new.map((finding) => finding.id)).toEqual(['handoff.no-rule.email-call']);
    const lines = describeChanges(changes);
    expect(lines.find((entry) => entry.kind === 'resolved')?.text).toMatch(/^Resolved: /);
    expect(lines.find((entry) => entry.kind === 'new-finding')?.connectionIds).toEqual(['email-call']);
    expect(summarizeChanges(changes)).toBe(
      '1 connection changed, 1 handoff changed, 1 finding resolved, 1 new finding.',
    );
  });

  it('notices a renamed map and counts every change once', () => {
    const [before, after] = relayAnd((map) => {
      map.meta.title = 'Relay 2027';
      Object.assign(touchpoint(map, 'ad'), { team: 'sales', title: 'Cold call' });
    });
    const changes = computeChanges(before, after);
    expect(changes.title).toEqual({ from: 'Hand-built journey', to: 'Relay 2027' });
    expect(changes.count).toBe(1 + 1 + 1 + changes.findings.resolved.length + changes.findings.new.length);
    expect(describeChanges(changes)[0]?.text).toBe(
      'Renamed the map from “Hand-built journey” to “Relay 2027”.',
    );
  });
});
