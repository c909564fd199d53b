// Preloaded into Baton by the sync bench when BENCH_HEAP_PROF=<dir> is set: V8's sampling heap
// profiler for the server's whole life, counting what young and old collections freed too (the
// profile `--heap-prof` writes holds only what is alive at exit). Written when the process exits.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const dir = process.env.BENCH_HEAP_PROF;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('HeapProfiler.startSampling', {
    samplingInterval: 16384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  process.on('exit', () => {
    session.post('HeapProfiler.stopSampling', (error, result) => {
      if (!error)
        writeFileSync(path.join(dir, `baton-${process.pid}.heapprofile`), JSON.stringify(result.profile));
    });
  });
}
