export { computeChanges } from './compute.js';
export type * from './types.js';
export { changesReport, describeChanges, summarizeChanges } from './words.js';
