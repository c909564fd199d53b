// Runs the TypeScript worker from source (tests, `tsx` in development); the production build
// compiles export.worker.ts to JavaScript and the pool loads that instead.
import { register } from 'tsx/esm/api';

register();
const { default: work } = await import('./export.worker.ts');
export default work;
