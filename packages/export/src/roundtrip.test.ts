import { SCHEMA_VERSION } from '@baton/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareJourneyOrder, exportCsv } from './csv.js';
import { parseCsvImport } from './csv-import.js';
import { exportJson, parseJsonImport } from './json.js';
import { mapSnapshotArbitrary, touchpointsArbitrary } from './testing/arbitraries.js';

describe('round trips (property tests)', () => {
  it('export JSON then import gives back the identical snapshot', () => {
    fc.assert(
      fc.property(mapSnapshotArbitrary, (snapshot) => {
        const text = exportJson(snapshot);
        const imported = parseJsonImport(text);
        expect(imported).toStrictEqual(snapshot);
        expect(exportJson(imported, new Date(JSON.parse(text).exportedAt))).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('export CSV then import gives back every touchpoint field', () => {
    fc.assert(
      fc.property(touchpointsArbitrary, (touchpoints) => {
        fc.pre(touchpoints.length > 0);
        const snapshot = parseJsonImport(
          exportJson({
            meta: { title: 'CSV', schemaVersion: SCHEMA_VERSION, createdAt: '2025-01-01T00:00:00.000Z' },
            stages: parseCsvImport('title,team,stage\nx,sales,warm').stages,
            touchpoints,
            connections: [],
            notes: [],
          }),
        );
        expect(parseCsvImport(exportCsv(snapshot)).touchpoints).toStrictEqual(
          [...touchpoints].sort(compareJourneyOrder),
        );
      }),
      { numRuns: 200 },
    );
  });
});
