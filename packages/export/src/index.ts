export { CRM_LIFECYCLE_STAGES, type CrmLifecycleStage } from './crm.js';
export { CSV_DISCUSSION_COLUMNS, CSV_METRIC_COLUMNS, compareJourneyOrder, exportCsv } from './csv.js';
export {
  CSV_COLUMNS,
  CSV_IMPORT_COLUMNS,
  type CsvColumn,
  type CsvImportColumn,
  decodeMetrics,
  encodeMetrics,
  neutraliseFormula,
  restoreFormulaPrefix,
} from './csv-cells.js';
export { type CsvImportOptions, parseCsvImport } from './csv-import.js';
export {
  EXPORT_FORMAT_IDS,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportFormatId,
  exportFileName,
  isExportFormat,
  slugify,
} from './formats.js';
export { ImportError, type ImportFormat, MAX_REPORTED_ISSUES } from './issues.js';
export {
  exportJson,
  IMPORT_LIMITS,
  JOURNEY_MAP_FORMAT,
  JOURNEY_MAP_FORMAT_VERSION,
  type JourneyMapExport,
  parseJsonExport,
  parseJsonImport,
} from './json.js';
export { exportMarkdown, type MarkdownOptions } from './markdown.js';
export {
  ARROWHEAD,
  type ArrowheadStyle,
  type GroupNode,
  type PathNode,
  type RectNode,
  type Scene,
  type SceneNode,
  type TextAnchor,
  type TextNode,
  type TitleNode,
} from './scene.js';
export { exportSvg, mapScene, NOTE_SIZE } from './svg.js';
export { sceneToSvg } from './svg-scene.js';
export {
  CONNECTION_STYLES,
  type ConnectionStyle,
  NOTE_COLOURS,
  SVG_FONT_FAMILY,
  SVG_FONT_STACK,
  TEAM_COLOURS,
  type TeamColours,
} from './svg-style.js';
export { escapeXml, textWidth, wrapText } from './svg-text.js';
