declare module 'subset-font' {
  /** Subsets a font to the given characters with HarfBuzz (https://github.com/papandreou/subset-font). */
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2' },
  ): Promise<Buffer>;
}
