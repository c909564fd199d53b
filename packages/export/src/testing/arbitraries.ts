import {
  CHANNELS,
  CONNECTION_KINDS,
  type Connection,
  LEAD_STAGES,
  type LeadStage,
  type MapSnapshot,
  METRIC_KINDS,
  type Metric,
  type Note,
  REACHES,
  SCHEMA_VERSION,
  type Stage,
  TEAMS,
  type Touchpoint,
} from '@baton/model';
import fc from 'fast-check';

/** fast-check makes null-prototype objects by default; snapshots are plain objects. */
function record<T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> {
  return fc.record(model, { noNullPrototype: true });
}

/** Any text, including emoji, CJK, quotes, commas, newlines and formula prefixes. */
const text = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength }).map((value) => value.slice(0, maxLength)),
    fc
      .tuple(
        fc.constantFrom('=', '+', '-', '@', '\t', "'", "'=", '"', ',', '\r\n', '😀', '漢字'),
        fc.string({ maxLength }),
      )
      .map(([prefix, rest]) => (prefix + rest).slice(0, maxLength)),
  );

/** Text the schema keeps as it is: trimmed and not empty. */
const trimmedText = (maxLength: number) =>
  text(maxLength)
    .map((value) => value.trim())
    .filter((value) => value.length > 0);

const noNegativeZero = (value: number) => (Object.is(value, -0) ? 0 : value);
const coordinate = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(noNegativeZero);
const maybeNumber = fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }).map(noNegativeZero), {
  nil: null,
});

const metric: fc.Arbitrary<Metric> = record({
  kind: fc.constantFrom(...METRIC_KINDS),
  target: maybeNumber,
  actual: maybeNumber,
});

export const idArbitrary = trimmedText(40);

export function touchpointArbitrary(id: string): fc.Arbitrary<Touchpoint> {
  return fc
    .record({
      title: trimmedText(40),
      team: fc.constantFrom(...TEAMS),
      stage: fc.constantFrom(...LEAD_STAGES),
      channel: fc.constantFrom(...CHANNELS),
      reach: fc.constantFrom(...REACHES),
      description: text(200),
      owner: text(40),
      x: coordinate,
      y: coordinate,
      metrics: fc.array(metric, { maxLength: 4 }),
      votes: fc.nat({ max: 1_000_000 }),
    })
    .map((fields) => ({ ...fields, id }));
}

export const touchpointsArbitrary = fc
  .uniqueArray(idArbitrary, { maxLength: 12 })
  .chain((ids) => fc.tuple(...ids.map((id) => touchpointArbitrary(id))));

function connectionsArbitrary(ids: readonly string[]): fc.Arbitrary<Connection[]> {
  if (ids.length < 2) return fc.constant([]);
  const ends = fc
    .tuple(fc.constantFrom(...ids), fc.constantFrom(...ids))
    .filter(([source, target]) => source !== target);
  return fc.uniqueArray(idArbitrary, { maxLength: 8 }).chain((connectionIds) =>
    fc.tuple(
      ...connectionIds.map((id) =>
        record({
          ends,
          kind: fc.constantFrom(...CONNECTION_KINDS),
          label: text(40),
          rule: text(120),
          owner: text(40),
        }).map(({ ends: [source, target], ...fields }) => ({ source, target, ...fields, id })),
      ),
    ),
  );
}

const notesArbitrary: fc.Arbitrary<Note[]> = fc.uniqueArray(idArbitrary, { maxLength: 4 }).chain((ids) =>
  fc.tuple(
    ...ids.map((id) =>
      fc
        .record({
          text: text(200),
          x: coordinate,
          y: coordinate,
          author: text(40),
          color: fc.constantFrom('yellow', 'pink', 'blue', 'green' as const),
        })
        .map((fields) => ({ ...fields, id })),
    ),
  ),
);

const stageArbitrary = (stage: LeadStage): fc.Arbitrary<Stage> =>
  record({
    stage: fc.constant(stage),
    label: trimmedText(60),
    description: text(200),
    leads: fc.option(fc.nat(), { nil: null }),
  });

/** Any valid snapshot, as `readSnapshot` could produce it. */
export const mapSnapshotArbitrary: fc.Arbitrary<MapSnapshot> = touchpointsArbitrary.chain((touchpoints) =>
  record({
    meta: record({
      title: trimmedText(120),
      schemaVersion: fc.constant(SCHEMA_VERSION),
      createdAt: fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((date) => date.toISOString()),
    }),
    stages: record({
      cold: stageArbitrary('cold'),
      warm: stageArbitrary('warm'),
      qualified: stageArbitrary('qualified'),
      customer: stageArbitrary('customer'),
    }),
    touchpoints: fc.constant(touchpoints),
    connections: connectionsArbitrary(touchpoints.map((touchpoint) => touchpoint.id)),
    notes: notesArbitrary,
  }),
);
