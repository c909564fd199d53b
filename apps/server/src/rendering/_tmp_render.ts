import { writeFileSync } from 'node:fs';
import { exportSvg } from '@baton/export';
import { sampleMap } from '../../../../packages/export/src/testing/fixtures.js';
import { renderPng } from './index.js';
const svg = exportSvg(sampleMap());
writeFileSync('/tmp/map.svg', svg);
const t = Date.now();
writeFileSync('/tmp/map.png', renderPng(svg, { scale: 1 }));
console.log('png ms', Date.now() - t);
