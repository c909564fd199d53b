/**
 * Builds the CJK and emoji fallback fonts in apps/server/fonts/ from Google's Noto fonts, as
 * published on npm by the Expo Google Fonts project (SIL Open Font License 1.1). The full
 * fonts weigh 5–11 MB per weight and script; Baton ships subsets of the regular weight with
 * the characters that everyday text uses, so an install stays small:
 *   - Chinese: GB 2312 level 1 (3,755 most frequent hanzi), CJK punctuation, full-width forms;
 *   - Japanese: kana and JIS X 0208 level 1 kanji (2,965), in Japanese glyph shapes;
 *   - Korean: the 2,350 Hangul syllables of KS X 1001 and the compatibility jamo;
 *   - emoji: the whole monochrome Noto Emoji (PDF and PNG renderers draw outlines, not colour).
 * Run with `pnpm fonts:subset` (needs the npm registry); the output is committed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import subsetFont from 'subset-font';

const OUT = new URL('../apps/server/fonts/', import.meta.url);

const SOURCES = {
  sc: { pkg: '@expo-google-fonts/noto-sans-sc@0.4.3', file: '400Regular/NotoSansSC_400Regular.ttf' },
  jp: { pkg: '@expo-google-fonts/noto-sans-jp@0.4.3', file: '400Regular/NotoSansJP_400Regular.ttf' },
  kr: { pkg: '@expo-google-fonts/noto-sans-kr@0.4.3', file: '400Regular/NotoSansKR_400Regular.ttf' },
  emoji: { pkg: '@expo-google-fonts/noto-emoji@0.4.7', file: '400Regular/NotoEmoji_400Regular.ttf' },
} as const;

/** Every character a legacy double-byte charset maps in the given lead/trail byte ranges. */
function charset(
  encoding: string,
  leads: [number, number],
  trails: [number, number],
  script: RegExp,
): string {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let text = '';
  for (let lead = leads[0]; lead <= leads[1]; lead++) {
    for (let trail = trails[0]; trail <= trails[1]; trail++) {
      try {
        const char = decoder.decode(Uint8Array.of(lead, trail));
        if (script.test(char)) text += char;
      } catch {
        // Not a mapped code point in this charset.
      }
    }
  }
  return text;
}

function range(from: number, to: number): string {
  let text = '';
  for (let code = from; code <= to; code++) text += String.fromCodePoint(code);
  return text;
}

const PUNCTUATION = range(0x3000, 0x303f) + range(0xff00, 0xffef) + range(0x2010, 0x206f);
const CHARACTERS = {
  sc: charset('gb18030', [0xb0, 0xd7], [0xa1, 0xfe], /\p{Script=Han}/u) + PUNCTUATION,
  jp:
    range(0x3040, 0x30ff) +
    range(0x31f0, 0x31ff) +
    charset('shift_jis', [0x88, 0x98], [0x40, 0xfc], /\p{Script=Han}/u) +
    PUNCTUATION,
  kr:
    charset('euc-kr', [0xb0, 0xc8], [0xa1, 0xfe], /\p{Script=Hangul}/u) + range(0x3130, 0x318f) + PUNCTUATION,
};

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'baton-fonts-'));
  mkdirSync(OUT, { recursive: true });
  try {
    for (const [name, source] of Object.entries(SOURCES)) {
      const tarball = execFileSync('npm', ['pack', source.pkg, '--silent'], {
        cwd: work,
        encoding: 'utf8',
      }).trim();
      execFileSync('tar', ['-xzf', tarball, `package/${source.file}`, 'package/LICENSE_FONT'], { cwd: work });
      const font = readFileSync(join(work, 'package', source.file));
      const characters = CHARACTERS[name as keyof typeof CHARACTERS];
      const output = characters ? await subsetFont(font, characters, { targetFormat: 'truetype' }) : font;
      writeFileSync(new URL(`baton-${name}.ttf`, OUT), output);
      console.log(`${name}: ${(font.length / 1e6).toFixed(1)} MB → ${(output.length / 1e6).toFixed(2)} MB`);
    }
    writeFileSync(new URL('OFL.txt', OUT), readFileSync(join(work, 'package', 'LICENSE_FONT')));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
