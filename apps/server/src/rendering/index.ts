export { FONT_FAMILY, FONT_FILES } from './fonts.js';
export { renderPdf } from './pdf.js';
export { type PngOptions, renderPng, renderPngAsync } from './png.js';
