export { CRM_LIFECYCLE_STAGES, type CrmLifecycleStage } from './crm.js';
export { exportCsv } from './csv.js';
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
  parseJsonImport,
} from './json.js';
