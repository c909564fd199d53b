// Runs the TypeScript read worker from source (tests, `tsx` in development); the production
// build compiles read.worker.ts to JavaScript and the pool loads that instead.
import { register } from 'tsx/esm/api';

register();
const { default: read } = await import('./read.worker.ts');
export default read;
