import { describe, expect, it } from 'vitest';
import { ImportError } from './issues.js';
import { exportJson, parseJsonImport } from './json.js';
import { sampleMap } from './testing/fixtures.js';

function importError(text: string): ImportError {
  try {
    parseJsonImport(text);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

type Entry = Record<string, unknown>;
interface EditableMap {
  touchpoints: Entry[];
  connections: Entry[];
}

/** The sample map's JSON export after `edit` has broken it. */
function withMap(edit: (entry: (section: keyof EditableMap, index: number) => Entry) => void): string {
  const document = JSON.parse(exportJson(sampleMap())) as { map: EditableMap };
  edit((section, index) => {
    const entry = document.map[section][index];
    if (!entry) throw new Error(`the sample map has no ${section}[${index}]`);
    return entry;
  });
  return JSON.stringify(document);
}

describe('exportJson / parseJsonImport', () => {
  it('writes a versioned envelope that imports back to the same snapshot', () => {
    const text = exportJson(sampleMap(), new Date('2025-06-01T00:00:00Z'));
    const document = JSON.parse(text);
    expect(document).toMatchObject({
      format: 'baton.journey-map',
      version: 1,
      exportedAt: '2025-06-01T00:00:00.000Z',
    });
    expect(parseJsonImport(text)).toStrictEqual(sampleMap());
  });

  it('fills defaults for optional fields a hand-written file leaves out', () => {
    const text = JSON.stringify({
      format: 'baton.journey-map',
      version: 1,
      map: {
        meta: { title: 'By hand', createdAt: '2025-01-01T00:00:00.000Z' },
        touchpoints: [{ id: 'a', title: 'Call', team: 'sales', stage: 'qualified' }],
      },
    });
    const snapshot = parseJsonImport(text);
    expect(snapshot.touchpoints[0]).toMatchObject({
      channel: 'other',
      reach: 'one-to-one',
      x: 0,
      metrics: [],
      votes: 0,
    });
    expect(snapshot.stages.warm).toEqual({
      stage: 'warm',
      label: 'Warm',
      description: expect.any(String),
      leads: null,
    });
    expect(snapshot.connections).toEqual([]);
  });

  it('names the path and the allowed values of a wrong enum value', () => {
    const error = importError(
      withMap((entry) => {
        entry('touchpoints', 3).stage = 'hot';
      }),
    );
    expect(error.issues).toContainEqual({
      path: 'map.touchpoints[3].stage',
      message: 'expected cold, warm, qualified or customer',
    });
    expect(error.message).toBe(
      'The JSON file could not be imported: map.touchpoints[3].stage: expected cold, warm, qualified or customer.',
    );
    expect(error.code).toBe('invalid-input');
    expect(error.format).toBe('json');
  });

  it('collects every problem, missing fields and wrong types included', () => {
    const error = importError(
      withMap((entry) => {
        delete entry('touchpoints', 0).team;
        entry('touchpoints', 1).x = 'left';
        entry('touchpoints', 2).title = '   ';
      }),
    );
    expect(error.issues).toEqual([
      { path: 'map.touchpoints[0].team', message: 'is missing; expected marketing or sales' },
      { path: 'map.touchpoints[1].x', message: 'expected a number, found text' },
      { path: 'map.touchpoints[2].title', message: 'A touchpoint needs a title.' },
    ]);
    expect(error.message).toMatch(/\(and 2 more problems\)\.$/);
  });

  it('rejects duplicate ids and connections to touchpoints that are not there', () => {
    const error = importError(
      withMap((entry) => {
        entry('touchpoints', 1).id = entry('touchpoints', 0).id;
        entry('connections', 3).target = 'nowhere';
      }),
    );
    expect(error.issues).toEqual([
      { path: 'map.touchpoints[1].id', message: '"ads" is already used by map.touchpoints[0]' },
      { path: 'map.connections[3].target', message: 'there is no touchpoint "nowhere" on this map' },
    ]);
  });

  it('rejects a connection from a touchpoint to itself', () => {
    const error = importError(
      withMap((entry) => {
        entry('connections', 0).target = 'ads';
      }),
    );
    expect(error.issues).toEqual([
      { path: 'map.connections[0]', message: 'connects a touchpoint to itself' },
    ]);
  });

  it('rejects text that is not JSON, or JSON that is not a Baton export', () => {
    expect(importError('{"format": ').message).toMatch(/^The file is not valid JSON \(/);
    expect(importError('{"hello": 1}').message).toBe(
      'The file is not a Baton journey map export: its "format" should be "baton.journey-map".',
    );
    expect(importError('[]').issues).toEqual([{ path: 'format', message: 'expected baton.journey-map' }]);
  });

  it('refuses an export from a newer Baton instead of half-reading it', () => {
    const document = JSON.parse(exportJson(sampleMap()));
    document.version = 2;
    const error = importError(JSON.stringify(document));
    expect(error.code).toBe('unsupported-version');
    expect(error.message).toMatch(/newer Baton \(version 2\)/);
  });

  it('reports a missing map with its path', () => {
    const error = importError(JSON.stringify({ format: 'baton.journey-map', version: 1 }));
    expect(error.issues).toEqual([{ path: 'map', message: 'is required' }]);
  });
});
