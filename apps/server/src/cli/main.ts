import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_FORMAT_IDS, exportFileName, ImportError } from '@baton/export';
import { defaultPublicUrl, loadConfig } from '../config.js';
import { mapFileKind } from '../http/map-file.js';
import { CliError } from './errors.js';
import { exportFromDataDir, importToDataDir } from './local.js';
import { exportFromServer, importToServer } from './remote.js';

const USAGE = `Baton command line

  pnpm baton export <mapId> --format <${EXPORT_FORMAT_IDS.join('|')}> [--out FILE]
  pnpm baton import <file.json|file.csv> [--title TITLE]

Without --server they work on the data directory (BATON_DATA_DIR, default ./data).
  --server URL   work against a running Baton instead (export needs --token)
  --token TOKEN  a view or edit token of the map, for export from a server
  --data DIR     the data directory (overrides BATON_DATA_DIR)
`;

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'json' },
      out: { type: 'string', short: 'o' },
      title: { type: 'string' },
      server: { type: 'string' },
      token: { type: 'string' },
      data: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, target] = positionals;
  if (values.help || !command || !target) {
    process.stdout.write(USAGE);
    if (!values.help) process.exitCode = 1;
    return;
  }
  const config = loadConfig({ ...process.env, ...(values.data ? { BATON_DATA_DIR: values.data } : {}) });

  if (command === 'export') {
    const format = values.format ?? 'json';
    let file: string | Uint8Array;
    let fileName: string | undefined;
    if (values.server) {
      if (!values.token) throw new CliError("Exporting from a server needs the map's --token.");
      ({ file, fileName } = await exportFromServer(values.server, target, format, values.token));
    } else {
      const local = await exportFromDataDir(config.dataDir, target, format);
      file = local.file;
      fileName = exportFileName(local.title, local.format.id);
    }
    if (values.out === '-' || (!values.out && typeof file === 'string')) {
      process.stdout.write(file);
      return;
    }
    const out = path.resolve(values.out ?? fileName ?? `${target}.${format}`);
    writeFileSync(out, file);
    console.log(`Exported ${target} as ${format} to ${out}`);
    return;
  }

  if (command === 'import') {
    const text = readFileSync(target, 'utf8');
    const kind = mapFileKind(text, path.extname(target));
    const title = values.title ?? path.basename(target).replace(/\.(baton\.)?(json|csv)$/i, '');
    const created = values.server
      ? await importToServer(values.server, text, kind, title)
      : await importToDataDir(
          config.dataDir,
          config.publicUrl ?? defaultPublicUrl(config.host, config.port),
          text,
          kind,
          title,
        );
    console.log(`Imported "${created.title}" as map ${created.id}`);
    console.log(`  edit link: ${created.editUrl}`);
    console.log(`  view link: ${created.viewUrl}`);
    return;
  }
  throw new CliError(`Unknown command "${command}".\n\n${USAGE}`);
}

run(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof CliError || error instanceof ImportError) {
    console.error(error.message);
    const details =
      error instanceof CliError ? error.details : error.issues.map((i) => `${i.path}: ${i.message}`);
    for (const detail of details) console.error(`  - ${detail}`);
  } else {
    console.error(`baton: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exitCode = 1;
});
