/**
 * Chromium can leave the text that first called for a fallback face (the first Korean title on
 * the page, say) drawn as the boxes it had while the font downloaded, though text laid out later
 * shows the font. So once a font has arrived, every line is laid out again: `word-spacing`, which
 * no style of ours sets, is nudged for a moment — no pixel moves, but no line keeps its old layout.
 */
export function relayoutTextWhenFontsArrive(): void {
  if (!('fonts' in document)) return;
  document.fonts.addEventListener('loadingdone', () => {
    const root = document.documentElement;
    root.style.wordSpacing = '0.001px';
    void root.getBoundingClientRect();
    root.style.removeProperty('word-spacing');
  });
}
