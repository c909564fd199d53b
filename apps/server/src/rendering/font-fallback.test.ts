import { exportMarkdown, exportSvg, mapScene } from '@baton/export';
import { sampleMap, touchpoint } from '@baton/export/testing';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { fontRuns } from './font-fallback.js';
import { outlineText } from './outline-text.js';
import { renderPdf } from './pdf.js';

const CJK_TITLE = '顧客インタビュー 客户访谈';
const HANGUL_TITLE = '고객 인터뷰 🚀';

function mapWithEveryScript() {
  const map = sampleMap();
  return {
    ...map,
    touchpoints: [
      ...map.touchpoints,
      touchpoint({ id: 'cjk', title: CJK_TITLE, stage: 'warm', y: 120 }),
      touchpoint({ id: 'hangul', title: HANGUL_TITLE, team: 'sales', stage: 'customer', y: 120 }),
    ],
  };
}

describe('fallback fonts for CJK and emoji', () => {
  it('splits text into runs by the font that has its characters', () => {
    expect(fontRuns('Demo 客户 call 🚀').map((run) => [run.text, run.fallback?.name ?? 'DejaVu'])).toEqual([
      ['Demo ', 'DejaVu'],
      ['客户', 'Baton-CJK-SC'],
      [' call ', 'DejaVu'],
      ['🚀', 'Baton-Emoji'],
    ]);
    expect(fontRuns('インタビュー')[0]?.fallback?.name).toBe('Baton-CJK-JP');
    expect(fontRuns('인터뷰')[0]?.fallback?.name).toBe('Baton-CJK-KR');
    // A skin tone stays with its emoji.
    expect(fontRuns('👍🏽')).toHaveLength(1);
  });

  it('outlines Chinese, Japanese, Korean and emoji glyphs in the PNG, never the empty box', () => {
    const outlined = outlineText(exportSvg(mapWithEveryScript()));
    const fallbackIds = [...outlined.matchAll(/<path id="(f\d)(\d+)"/g)].map((match) => [
      match[1],
      Number(match[2]),
    ]);
    const fonts = new Set(fallbackIds.map(([font]) => font));
    // SC, JP, KR and emoji each drew something.
    expect([...fonts].sort()).toEqual(['f0', 'f1', 'f2', 'f3']);
    // Glyph 0 is a font's "missing character" box.
    for (const [, glyph] of fallbackIds) expect(glyph).not.toBe(0);
    expect(outlined).not.toMatch(/<path id="g[rb]0"/);
  });

  it('sets CJK text in the PDF with embedded Noto subsets, extractable as text', async () => {
    const map = mapWithEveryScript();
    const pdf = renderPdf(map, mapScene(map), exportMarkdown(map));
    const bytes = Buffer.from(pdf).toString('latin1');
    for (const font of ['NotoSansSC', 'NotoSansJP', 'NotoSansKR', 'NotoEmoji']) expect(bytes).toContain(font);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(text).toContain('顧客インタビュー');
    expect(text).toContain('고객 인터뷰');
  });

  it('sets a CJK map title in every page footer in the fallback fonts', async () => {
    const map = mapWithEveryScript();
    const titled = { ...map, meta: { ...map.meta, title: CJK_TITLE } };
    const pdf = renderPdf(titled, mapScene(titled), exportMarkdown(titled));
    const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)));
    expect(totalPages).toBeGreaterThan(1);
    // Each page's footer reads "<title> · <date>   Page n of m", the title in glyphs, not boxes.
    for (const [index, page] of text.entries()) {
      expect(page).toContain(`Page ${index + 1} of ${totalPages}`);
      expect(page).toMatch(new RegExp(`${CJK_TITLE} · \\d{4}-\\d{2}-\\d{2}`));
    }
  });
});
