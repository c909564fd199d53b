export { exportJson, JOURNEY_MAP_FORMAT, JOURNEY_MAP_FORMAT_VERSION, type JourneyMapExport } from './json.js';
