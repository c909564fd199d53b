import { ConfigError, loadConfig } from './config.js';
import { createBatonServer, DataDirInUse, StorageUnreachable } from './index.js';
import { createLogger } from './log.js';

/** `pnpm start`: read the environment, listen, and flush every map to disk on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const server = await createBatonServer({ ...config, logger });
  // Printed whatever BATON_LOG says: scripts and tests wait for exactly this line.
  console.log(`Baton listening on ${server.url}`);
  logger.debug(`share links use ${server.publicUrl}; data in ${config.dataDir}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second Ctrl-C means "now": skip the flush (everything accepted is already committed).
    if (stopping) process.exit(1);
    stopping = true;
    logger.info(`${signal}: saving maps and stopping`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  // Problems an operator can fix are one sentence; anything else keeps its details.
  const plain =
    error instanceof ConfigError || error instanceof StorageUnreachable || error instanceof DataDirInUse;
  console.error(plain ? error.message : `Baton could not start: ${String(error)}`);
  process.exit(1);
});
