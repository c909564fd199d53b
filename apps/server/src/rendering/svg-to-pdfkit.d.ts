declare module 'svg-to-pdfkit' {
  interface SVGtoPDFOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    useCSS?: boolean;
    assumePt?: boolean;
    precision?: number;
    fontCallback?: (
      family: string,
      bold: boolean,
      italic: boolean,
      options: { fauxBold?: boolean; fauxItalic?: boolean },
    ) => string;
    imageCallback?: (link: string) => string;
    colorCallback?: (color: [number[], number]) => [number[], number];
    warningCallback?: (warning: string) => void;
    documentCallback?: (file: string) => unknown;
  }

  /** Draws an SVG document (markup or element) into a PDFKit document at x, y. */
  export default function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x?: number,
    y?: number,
    options?: SVGtoPDFOptions,
  ): void;
}
