// Preloaded into both servers by the sync benchmark (node --expose-gc -r this): SIGUSR2 runs a
// full GC, so resident memory is compared after garbage is gone, not while it waits.
process.on('SIGUSR2', () => globalThis.gc?.());
