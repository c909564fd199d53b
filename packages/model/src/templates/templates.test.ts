import { describe, expect, it } from 'vitest';
import { analyzeMap } from '../analysis/index.js';
import { snapshotToDocument } from '../apply.js';
import { LEAD_STAGES, TEAMS } from '../enums.js';
import { GRID } from '../layout.js';
import { SCHEMA_VERSION } from '../schema.js';
import { readSnapshot } from '../snapshot.js';
import { findTemplate, STARTER_STRATEGIES, TEMPLATES, templateSnapshot } from './index.js';

const counter = () => {
  let next = 0;
  return () => `id${String(next++).padStart(3, '0')}`;
};

describe('journey templates', () => {
  it('offers B2B services, small business / e-commerce and SaaS free trial', () => {
    expect(TEMPLATES.map((template) => template.id)).toEqual([
      'b2b-services',
      'small-business',
      'saas-free-trial',
    ]);
    for (const template of TEMPLATES) {
      expect(template.title.length).toBeGreaterThan(0);
      expect(template.description.length).toBeGreaterThan(40);
    }
  });

  describe.each(TEMPLATES.map((template) => [template.id, template] as const))('%s', (_id, template) => {
    const snapshot = template.build({ createdAt: '2024-05-01T09:00:00.000Z' });

    it('passes the schema through a document round trip with no warnings', () => {
      const { snapshot: reread, warnings } = readSnapshot(snapshotToDocument(snapshot));
      expect(warnings).toEqual([]);
      expect(reread).toEqual(snapshot);
      expect(snapshot.meta).toEqual({
        title: template.title,
        schemaVersion: SCHEMA_VERSION,
        createdAt: '2024-05-01T09:00:00.000Z',
      });
    });

    it('is a complete journey that the analysis reports healthy', () => {
      const analysis = analyzeMap(snapshot);
      expect(analysis.findings.filter((finding) => finding.severity === 'problem')).toEqual([]);
      expect(analysis.healthy).toBe(true);
      expect(analysis.deadEnds.deadEndIds).toEqual([]);
      expect(analysis.deadEnds.orphanIds).toEqual([]);
      expect(analysis.balance.starved).toEqual([]);
      expect(analysis.funnel.missingStages).toEqual([]);
      expect(analysis.funnel.conversions.every((conversion) => !conversion.grows)).toBe(true);
      expect(analysis.handoffs.handoffs.every((h) => h.marketingToSales && h.hasOwner && h.hasRule)).toBe(
        true,
      );
      expect(analysis.handoffs.handoffs.length).toBeGreaterThanOrEqual(2);
      expect(analysis.feedback.hasLoop).toBe(true);
      expect(analysis.feedback.misdirectedIds).toEqual([]);
    });

    it('covers every stage with both teams, and gives every touchpoint an owner, a description and metrics', () => {
      for (const stage of LEAD_STAGES) {
        expect(snapshot.stages[stage].leads).toBeGreaterThan(0);
        for (const team of TEAMS) {
          expect(snapshot.touchpoints.some((t) => t.stage === stage && t.team === team)).toBe(true);
        }
      }
      for (const touchpoint of snapshot.touchpoints) {
        expect(touchpoint.owner).not.toBe('');
        expect(touchpoint.description).not.toBe('');
        expect(touchpoint.reach).toBe(touchpoint.team === 'marketing' ? 'one-to-many' : 'one-to-one');
        expect(touchpoint.metrics.length).toBeGreaterThan(0);
        for (const metric of touchpoint.metrics) {
          expect(metric.target).not.toBeNull();
          expect(metric.actual).not.toBeNull();
        }
      }
    });

    it('lays out its cards so that none overlap inside a cell', () => {
      for (const stage of LEAD_STAGES) {
        for (const team of TEAMS) {
          const cards = snapshot.touchpoints.filter((t) => t.stage === stage && t.team === team);
          for (const [index, a] of cards.entries()) {
            expect(a.x + GRID.cardWidth).toBeLessThanOrEqual(GRID.columnWidth);
            expect(a.y + GRID.cardHeight).toBeLessThanOrEqual(GRID.laneHeight);
            for (const b of cards.slice(index + 1)) {
              const apart = Math.abs(a.x - b.x) >= GRID.cardWidth || Math.abs(a.y - b.y) >= GRID.cardHeight;
              expect(apart, `${a.title} overlaps ${b.title}`).toBe(true);
            }
          }
        }
      }
    });
  });

  it('names a map from a template and keeps ids from the given generator', () => {
    const snapshot = templateSnapshot('saas-free-trial', {
      title: '  Q3 trial funnel ',
      createdAt: '2024-07-01T00:00:00.000Z',
      newId: counter(),
    });
    expect(snapshot.meta.title).toBe('Q3 trial funnel');
    expect(snapshot.touchpoints[0]?.id).toBe('id000');
    expect(snapshot.connections.every((connection) => /^id\d{3}$/.test(connection.id))).toBe(true);
    expect(templateSnapshot('saas-free-trial', { newId: counter(), createdAt: 'x' }).touchpoints).toEqual(
      templateSnapshot('saas-free-trial', { newId: counter(), createdAt: 'y' }).touchpoints,
    );
  });

  it('gives each new map fresh ids by default', () => {
    const first = templateSnapshot('b2b-services');
    const second = templateSnapshot('b2b-services');
    const firstIds = new Set(first.touchpoints.map((touchpoint) => touchpoint.id));
    expect(second.touchpoints.some((touchpoint) => firstIds.has(touchpoint.id))).toBe(false);
  });

  it('refuses an unknown template with the ids it knows', () => {
    expect(findTemplate('nope')).toBeUndefined();
    expect(() => templateSnapshot('nope')).toThrow(/no template nope; choose one of b2b-services/);
  });
});

describe('starter strategies', () => {
  it('offers the strategies of each stage from the seeds', () => {
    const titles = (stage: keyof typeof STARTER_STRATEGIES) => STARTER_STRATEGIES[stage].map((s) => s.title);
    expect(titles('cold')).toEqual(
      expect.arrayContaining(['Direct mailer', 'Digital ads', 'Sponsored social post']),
    );
    expect(titles('warm')).toEqual(expect.arrayContaining(['Personal follow-up email', 'Sales letter']));
    expect(titles('qualified')).toEqual(expect.arrayContaining(['One-on-one call', 'Abandoned cart email']));
    expect(titles('customer')).toEqual(['Follow-up', 'Support', 'Upsell', 'Referral request']);
  });

  it('puts marketing on cold leads and sales on qualified ones', () => {
    expect(STARTER_STRATEGIES.cold.filter((s) => s.team === 'marketing').length).toBeGreaterThanOrEqual(5);
    expect(STARTER_STRATEGIES.qualified.every((s) => s.team === 'sales')).toBe(true);
    for (const strategies of Object.values(STARTER_STRATEGIES)) {
      for (const strategy of strategies) expect(strategy.description).toMatch(/\.$/);
    }
  });
});
