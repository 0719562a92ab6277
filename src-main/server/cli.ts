// `npm run serve`: Berth's UI in a browser, served from this machine only.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../api/data-dir';
import { createDownloadRegistry } from '../api/downloads';
import { createUploadRegistry } from '../api/uploads';
import { createApiHandlers } from '../api/handlers';
import { createEngine } from '../engine/index';
import { installProcessGuard } from '../api/process-guard';
import { createSettingsStore } from '../settings/settings-store';
import { endpointOverrideOf, reconnectOnEndpointChange } from '../settings/engine-endpoint';
import { chooseToken, launchCommand, launchUrl, parseCliArgs, USAGE } from './cli-options';
import { startServer, type RunningServer } from './http-server';
import { createRedactingLog, writeToStderr } from './log';
import { serverText } from './messages';

/** Shutdown normally takes milliseconds; this bounds a stuck engine or client. */
const SHUTDOWN_DEADLINE_MS = 5000;

let reportCrash: (line: string) => void = writeToStderr;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (parsed.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (parsed.kind === 'error') fail(parsed.message);
  const choice = chooseToken(process.env);
  if (!choice.ok) fail(choice.message);
  const { token } = choice;
  const { host, port } = parsed.options;
  const log = createRedactingLog(token, writeToStderr);
  reportCrash = log;
  installProcessGuard({ log, exit: (code) => process.exit(code) });

  // The bundle sits in dist/main; the renderer was built next to it.
  const staticDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    log(`The UI is not built (no ${path.join(staticDir, 'index.html')}); run "npm run build".`);
  }

  const dataDir = defaultDataDir();
  const settings = await createSettingsStore(dataDir);
  const problem = settings.loadProblem();
  if (problem) log(problem);
  const engine = createEngine({ endpointOverride: endpointOverrideOf(settings) });
  reconnectOnEndpointChange(settings, engine);
  const downloads = createDownloadRegistry();
  const uploads = createUploadRegistry();
  const handlers = createApiHandlers(engine, {
    mode: 'browser',
    dataDir,
    settings,
    offerDownload: async (source) => downloads.offer(source),
    offerUpload: (sink) => uploads.offer(sink),
  });
  let server: RunningServer | undefined;
  let stopping = false;
  const stop = (): void => {
    // `npm run serve` forwards the terminal's Ctrl+C, which the process group also delivers: act once.
    if (stopping) return;
    stopping = true;
    log(serverText.stopping);
    setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
    Promise.resolve(server?.close())
      .then(() => engine.dispose())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          log(`Shutdown failed: ${err instanceof Error ? err.message : String(err)}`);
          process.exit(1);
        },
      );
  };
  // Before anything is printed: whoever reads the URL line may signal at once.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  try {
    const launch = { command: launchCommand(process.env, process.argv.slice(2), path.relative(process.cwd(), process.argv[1] ?? 'server.mjs')) };
    server = await startServer({ handlers, token, host, port, staticDir, log, downloads, uploads, launch });
  } catch (err) {
    await engine.dispose();
    const code = (err as { code?: string }).code;
    if (code === 'EADDRINUSE') fail(`Port ${port} is in use. Choose another with --port N (0 picks a free one).`, 1);
    fail(`Berth could not listen on ${host}:${port}: ${err instanceof Error ? err.message : String(err)}`, 1);
  }
  if (stopping) {
    // A signal came while listening started; stop() ran before the server existed.
    await server.close();
    return;
  }
  // Not awaited: the engine connects (and retries) in the background while the page loads.
  Promise.resolve()
    .then(() => engine.start())
    .catch((err: unknown) => log(`The engine layer failed to start: ${err instanceof Error ? err.message : String(err)}`));
  // The only line that carries the token.
  process.stdout.write(`${serverText.running(launchUrl(host, server.port, token))}\n`);
}

main().catch((err: unknown) => {
  reportCrash(`Berth failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
