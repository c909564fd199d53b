import { SCHEMA_VERSION } from '@baton/model';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_DISCUSSION_COLUMNS, CSV_METRIC_COLUMNS, compareJourneyOrder, exportCsv } from './csv.js';
import {
  CSV_COLUMNS,
  decodeMetrics,
  encodeMetrics,
  neutraliseFormula,
  restoreFormulaPrefix,
} from './csv-cells.js';
import { parseCsvImport } from './csv-import.js';
import { ImportError } from './issues.js';
import { sampleMap, touchpoint, workshopMap } from './testing/fixtures.js';

const awkward = [
  touchpoint({ id: 'comma', title: 'Webinar, part 2', description: 'Line one\nLine "two"\r\nLine three' }),
  touchpoint({ id: 'emoji', title: 'Launch 🚀 party 👩🏽‍💻', owner: 'Zoë' }),
  touchpoint({
    id: 'cjk',
    title: '顧客インタビュー',
    team: 'sales',
    stage: 'customer',
    description: '한국어 설명',
  }),
  touchpoint({ id: 'formula', title: '=HYPERLINK("http://evil.example","click")', owner: '@admin' }),
  touchpoint({ id: 'plus', title: '+1 follow-up', description: '-5% churn', x: -12.5, y: 0.1 }),
  touchpoint({ id: 'tab', title: 'Tabbed', description: '\tindented', owner: "'quoted" }),
];
const map = { ...sampleMap(), touchpoints: [...sampleMap().touchpoints, ...awkward] };

function importError(text: string): ImportError {
  try {
    parseCsvImport(text);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

describe('exportCsv', () => {
  const csv = exportCsv(map);

  it('is UTF-8 CSV with a BOM, CRLF line ends and a header row a real parser reads', () => {
    expect(csv.startsWith('\uFEFFid,title,team,stage,crm_lifecycle_stage,')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.linebreak).toBe('\r\n');
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS, ...CSV_DISCUSSION_COLUMNS, ...CSV_METRIC_COLUMNS]);
    expect(parsed.data).toHaveLength(map.touchpoints.length);
    const byId = new Map(parsed.data.map((row) => [row.id, row]));
    expect(byId.get('comma')).toMatchObject({
      title: 'Webinar, part 2',
      description: 'Line one\nLine "two"\r\nLine three',
    });
    expect(byId.get('emoji')).toMatchObject({ title: 'Launch 🚀 party 👩🏽‍💻', owner: 'Zoë' });
    expect(byId.get('cjk')).toMatchObject({ title: '顧客インタビュー', description: '한국어 설명' });
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get('formula')).toMatchObject({
      title: `'=HYPERLINK("http://evil.example","click")`,
      owner: "'@admin",
    });
    expect(byId.get('plus')).toMatchObject({ title: "'+1 follow-up", description: "'-5% churn", x: '-12.5' });
    expect(byId.get('tab')).toMatchObject({ description: "'\tindented", owner: "''quoted" });
    const texts = rows.flatMap((row) => [row.title, row.description, row.owner, row.id]);
    for (const text of texts) expect(text).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes metrics, votes, positions and the CRM lifecycle stage', () => {
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.find((row) => row.id === 'ads')).toMatchObject({
      id: 'ads',
      stage: 'cold',
      crm_lifecycle_stage: 'subscriber / lead',
      hubspot_lifecycle_stage: 'subscriber',
      metrics: 'reach:10000/8200;leads:500/',
      votes: '3',
      x: '16',
    });
    expect(rows.find((row) => row.id === 'call')).toMatchObject({
      crm_lifecycle_stage: 'sales qualified lead / opportunity',
      hubspot_lifecycle_stage: 'salesqualifiedlead',
    });
  });

  it('imports back to the same touchpoints', () => {
    expect(parseCsvImport(csv).touchpoints).toStrictEqual([...map.touchpoints].sort(compareJourneyOrder));
  });

  it('lists rows by stage, then team, then position in the cell', () => {
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const order = rows.map((row) => [row.stage, row.team, Number(row.y), Number(row.x)] as const);
    const stageRank = (stage: string | undefined) =>
      ['cold', 'warm', 'qualified', 'customer'].indexOf(stage ?? '');
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [order[i - 1], order[i]];
      if (!a || !b) continue;
      const key = (entry: typeof a) => [
        stageRank(entry[0]),
        entry[1] === 'marketing' ? 0 : 1,
        entry[2],
        entry[3],
      ];
      const [ka, kb] = [key(a), key(b)];
      const firstDifference = ka.findIndex((value, index) => value !== kb[index]);
      if (firstDifference >= 0) expect(ka[firstDifference]).toBeLessThan(kb[firstDifference] as number);
    }
    expect(rows[0]?.stage).toBe('cold');
    expect(rows.at(-1)?.stage).toBe('customer');
  });

  it('puts each metric kind in a target and an actual column a spreadsheet can sum', () => {
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(CSV_METRIC_COLUMNS).toContain('brand_recall_target');
    expect(CSV_METRIC_COLUMNS).toContain('conversion_rate_actual');
    expect(rows.find((row) => row.id === 'ads')).toMatchObject({
      reach_target: '10000',
      reach_actual: '8200',
      leads_target: '500',
      leads_actual: '',
      revenue_target: '',
    });
    const totalReachTarget = rows.reduce((sum, row) => sum + Number(row.reach_target || 0), 0);
    const expected = map.touchpoints.reduce(
      (sum, tp) => sum + (tp.metrics.find((metric) => metric.kind === 'reach')?.target ?? 0),
      0,
    );
    expect(totalReachTarget).toBe(expected);
  });

  it("counts each touchpoint's comments and open threads, and imports back ignoring them", () => {
    const discussed = workshopMap();
    const text = exportCsv(discussed);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const counts = (id: string) => {
      const row = rows.find((entry) => entry.id === id);
      return [row?.comments, row?.open_comment_threads];
    };
    // The discovery call's one thread (a comment and a reply) is resolved; the ads' one is open.
    expect(counts('call')).toEqual(['2', '0']);
    expect(counts('ads')).toEqual(['1', '1']);
    expect(counts('mailer')).toEqual(['0', '0']);
    expect(parseCsvImport(text).touchpoints).toEqual([...discussed.touchpoints].sort(compareJourneyOrder));
  });
});

describe('formula neutralising and metrics cells', () => {
  it('adds and strips exactly one quote', () => {
    for (const text of ['=1+1', "'=1", "'", "''", 'plain', "it's", '', '-']) {
      expect(restoreFormulaPrefix(neutraliseFormula(text))).toBe(text);
    }
    expect(restoreFormulaPrefix("'hello")).toBe("'hello");
  });

  it('round-trips metrics and explains a malformed cell', () => {
    const metrics = [
      { kind: 'reach' as const, target: 10000, actual: 8200 },
      { kind: 'leads' as const, target: 500, actual: null },
      { kind: 'revenue' as const, target: null, actual: -1.5e21 },
    ];
    expect(encodeMetrics(metrics)).toBe('reach:10000/8200;leads:500/;revenue:/-1.5e+21');
    expect(decodeMetrics(encodeMetrics(metrics))).toEqual({ ok: true, value: metrics });
    expect(decodeMetrics(' Reach : 5 ; ')).toEqual({
      ok: true,
      value: [{ kind: 'reach', target: 5, actual: null }],
    });
    expect(decodeMetrics('reach=5')).toEqual({
      ok: false,
      message: '"reach=5" is not a metric; write kind:target/actual, for example reach:10000/8200',
    });
    expect(decodeMetrics('likes:5/')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^"likes" is not a metric kind; expected reach, /),
    });
    expect(decodeMetrics('reach:lots/')).toEqual({
      ok: false,
      message: 'reach target: expected a number, found "lots"',
    });
  });
});

describe('parseCsvImport', () => {
  it('reads a hand-made sheet: only title, team and stage, any header case, labels for values', () => {
    const snapshot = parseCsvImport(
      'Title;TEAM;Stage;Channel\n"Trade show; Berlin";Marketing;Cold;Event\nDemo call;sales;QUALIFIED;phone\n\n',
      { title: 'From Excel', createdAt: '2025-01-01T00:00:00.000Z' },
    );
    expect(snapshot.meta).toEqual({
      title: 'From Excel',
      schemaVersion: SCHEMA_VERSION,
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    expect(snapshot.touchpoints).toHaveLength(2);
    expect(snapshot.touchpoints[0]).toMatchObject({
      title: 'Trade show; Berlin',
      team: 'marketing',
      stage: 'cold',
      channel: 'event',
      reach: 'one-to-many',
      x: 0,
      votes: 0,
    });
    expect(snapshot.touchpoints[1]).toMatchObject({ team: 'sales', stage: 'qualified', reach: 'one-to-one' });
    expect(snapshot.touchpoints[0]?.id).not.toBe(snapshot.touchpoints[1]?.id);
    expect(snapshot.stages.cold.label).toBe('Cold');
    expect(snapshot.connections).toEqual([]);
  });

  it('accepts "Direct mail" and "one to one" as people type them', () => {
    const snapshot = parseCsvImport(
      'title,team,stage,channel,reach\nFlyer,marketing,cold,Direct mail,one to one\n',
    );
    expect(snapshot.touchpoints[0]).toMatchObject({ channel: 'direct-mail', reach: 'one-to-one' });
  });

  it('points at the row and column of every problem, counting the header as row 1', () => {
    const error = importError(
      [
        'title,team,stage,votes,metrics',
        'Ad,marketing,cold,,',
        'Call,sales,hot,,',
        ',finance,warm,two,reach:x/',
        'Webinar,marketing,,1.5,',
      ].join('\n'),
    );
    expect(error.issues).toEqual([
      { path: 'row 3, column stage', message: 'expected cold, warm, qualified or customer' },
      { path: 'row 4, column metrics', message: 'reach target: expected a number, found "x"' },
      { path: 'row 4, column votes', message: 'expected a number, found "two"' },
      { path: 'row 4, column title', message: 'A touchpoint needs a title.' },
      { path: 'row 4, column team', message: 'expected marketing or sales' },
      { path: 'row 5, column stage', message: 'is missing; expected cold, warm, qualified or customer' },
      { path: 'row 5, column votes', message: 'expected a whole number, found a number' },
    ]);
    expect(error.message).toBe(
      'The CSV file could not be imported: row 3, column stage: expected cold, warm, qualified or customer (and 6 more problems).',
    );
    expect(error.format).toBe('csv');
  });

  it('rejects duplicate ids, rows longer than the header and a missing required column', () => {
    expect(importError('id,title,team,stage\na,One,sales,warm\na,Two,sales,warm\n').issues).toEqual([
      { path: 'row 3, column id', message: '"a" is already used on row 2' },
    ]);
    expect(importError('title,team,stage\nOne,sales,warm,extra\n').issues).toEqual([
      { path: 'row 2', message: 'has 4 cells but the header row names 3 columns' },
    ]);
    expect(importError('title,owner\nOne,Sam\n').message).toBe(
      'The CSV file could not be imported: the header row has no team or stage column. The first row must name the columns; title, team and stage are required.',
    );
  });

  it('rejects an empty file, a header with no rows and an unclosed quote', () => {
    expect(importError('').message).toMatch(/the file is empty/);
    expect(importError('title,team,stage\r\n').message).toMatch(/no touchpoint rows/);
    const unclosed = importError('title,team,stage\nOne,sales,warm\n"Two,sales,warm\n');
    expect(unclosed.message).toMatch(/row 3: a quoted cell is not closed/);
    // Shown as "path: message": the row is named once, not "row 3: row 3: …".
    expect(unclosed.issues).toEqual([
      { path: 'row 3', message: 'a quoted cell is not closed or has a stray quote mark.' },
    ]);
  });
});
