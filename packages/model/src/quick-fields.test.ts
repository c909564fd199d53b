import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, CONNECTION_KINDS, LEAD_STAGES, REACHES, TEAMS } from './enums.js';
import { quickConnectionFields, quickTouchpointFields } from './quick-fields.js';
import { ConnectionFieldsSchema, NAME_MAX, TEXT_MAX, TITLE_MAX, TouchpointFieldsSchema } from './schema.js';

/** Mostly good values (so many entries are well formed), values near every limit, wrong types. */
const text = (max: number) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.string({ maxLength: 6 }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '',
        ' ',
        '  x  ',
        '\t\n',
        'a'.repeat(max),
        'a'.repeat(max + 1),
        ` ${'b'.repeat(max)} `,
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom(null, 0, true, ['x'], { a: 1 }) },
  );
const number = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -100, max: 1000 }) },
  { weight: 2, arbitrary: fc.double() },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      0,
      -0,
      1e6,
      -1e6,
      1e6 + 1,
      2 ** 53,
      2 ** 53 + 2,
      0.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(null, '1', undefined) },
);
const oneOf = (values: readonly string[]) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...values) },
    { weight: 1, arbitrary: fc.constantFrom('', 'other-thing', null, 1) },
  );
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
/** Any key may be missing; the first ones (a touchpoint's title, team and stage) mostly are not. */
const fieldsOf = (shape: Record<string, fc.Arbitrary<unknown>>, usually: string[]) =>
  fc
    .tuple(
      fc.record({ ...shape, stray: fc.constantFrom('kept out', 1) }, { requiredKeys: [] }),
      fc.record(Object.fromEntries(usually.map((key) => [key, shape[key] as fc.Arbitrary<unknown>]))),
      fc.boolean(),
    )
    .map(([some, main, whole]) => (whole ? { ...some, ...main } : some)) as fc.Arbitrary<
    Record<string, unknown>
  >;

const touchpointFields = fieldsOf(
  {
    title: text(TITLE_MAX),
    team: oneOf(TEAMS),
    stage: oneOf(LEAD_STAGES),
    channel: maybe(oneOf(CHANNELS)),
    reach: maybe(oneOf(REACHES)),
    description: maybe(text(TEXT_MAX)),
    owner: maybe(text(NAME_MAX)),
    x: number,
    y: number,
    metrics: fc.constantFrom(
      [],
      [{ kind: 'reach', target: 1, actual: null }],
      [{ kind: 'nope' }],
      'x',
      undefined,
    ),
    votes: number,
  },
  ['title', 'team', 'stage'],
);

const connectionFields = fieldsOf(
  {
    source: text(40),
    target: text(40),
    kind: maybe(oneOf(CONNECTION_KINDS)),
    label: maybe(text(NAME_MAX)),
    rule: maybe(text(TEXT_MAX)),
    owner: maybe(text(NAME_MAX)),
  },
  ['source', 'target'],
);

describe('reading well-formed entries without zod', () => {
  it('accepts a touchpoint only when its schema does, and reads it the same, defaults and all', () => {
    let taken = 0;
    fc.assert(
      fc.property(touchpointFields, (fields) => {
        const quick = quickTouchpointFields(fields);
        if (quick === null) return;
        taken++;
        const parsed = TouchpointFieldsSchema.safeParse(fields);
        expect(parsed.success).toBe(true);
        expect(quick).toStrictEqual(parsed.data);
      }),
      { numRuns: 5000 },
    );
    // The property says something only if many generated entries take the quick way.
    expect(taken).toBeGreaterThan(100);
  });

  it('accepts a connection only when its schema does, and reads it the same', () => {
    let taken = 0;
    fc.assert(
      fc.property(connectionFields, (fields) => {
        const quick = quickConnectionFields(fields);
        if (quick === null) return;
        taken++;
        const parsed = ConnectionFieldsSchema.safeParse(fields);
        expect(parsed.success).toBe(true);
        expect(quick).toStrictEqual(parsed.data);
      }),
      { numRuns: 5000 },
    );
    // The property says something only if many generated entries take the quick way.
    expect(taken).toBeGreaterThan(100);
  });

  it('takes the common cards and connections itself (a trimmed title, defaults filled in)', () => {
    expect(
      quickTouchpointFields({ title: ' Webinar ', team: 'marketing', stage: 'warm', x: 10 }),
    ).toStrictEqual(
      TouchpointFieldsSchema.parse({ title: ' Webinar ', team: 'marketing', stage: 'warm', x: 10 }),
    );
    expect(quickConnectionFields({ source: 'a', target: 'b', kind: 'handoff' })).toStrictEqual(
      ConnectionFieldsSchema.parse({ source: 'a', target: 'b', kind: 'handoff' }),
    );
  });

  it('leaves what it cannot vouch for to the schema', () => {
    expect(quickTouchpointFields({ title: '   ', team: 'marketing', stage: 'warm' })).toBeNull();
    expect(quickTouchpointFields({ title: 'A', team: 'marketing', stage: 'warm', votes: 1.5 })).toBeNull();
    expect(
      quickTouchpointFields({ title: 'A', team: 'sales', stage: 'cold', metrics: [{ kind: 'leads' }] }),
    ).toBeNull();
    expect(quickConnectionFields({ source: '', target: 'b' })).toBeNull();
  });
});
