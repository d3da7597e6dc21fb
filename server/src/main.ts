import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { DEMO_ACCOUNTS } from './demo/accounts.ts';
import { createLogger } from './platform/logging.ts';
import { startupSteps } from './platform/startup.ts';
import { prepareDatabase } from './startup/prepare.ts';

/** How long a graceful stop may take (open requests, the job runner, the database) before the process exits anyway. */
const STOP_TIMEOUT_MS = 15_000;

/** Start: config → database (migrations, demo seed) → HTTP. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config);
  const steps = startupSteps(logger);
  steps.lap('load', 'server loaded');
  const where = config.database.kind === 'pglite' ? `the embedded database in ${config.database.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  steps.progress(`opening ${where}…`);
  const { database } = await prepareDatabase(config, { steps });
  const app = await buildApp({ config, database, logger });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`Linzhang: ${signal} received, stopping`);
    setTimeout(() => {
      logger.error(`Linzhang: did not stop within ${STOP_TIMEOUT_MS / 1000} s; exiting`);
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    try {
      await app.close(); // stops accepting connections, waits for open requests, runs onClose hooks (job runner)
      await database.close();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'Linzhang: error while stopping');
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  steps.lap('app', 'HTTP application built and listening');
  announceReady(config, logger, steps.elapsed());
}

/**
 * The ready banner. On a terminal it is plain text a person can find again; in JSON logs it is one
 * entry, so standard output stays one JSON object a line.
 */
function announceReady(config: Config, logger: ReturnType<typeof createLogger>, seconds: number) {
  const url = `http://localhost:${config.port}`;
  const demo = config.demo.seed ? { password: config.demo.password, accounts: DEMO_ACCOUNTS.map((a) => a.username) } : undefined;
  if (config.logFormat === 'json') {
    logger.info({ ready: { url, seconds, docs: `${url}/api/docs`, demo } }, `Linzhang is ready in ${seconds.toFixed(1)} s: ${url}`);
    return;
  }
  const lines = [
    '',
    `Linzhang 林长制平台 is ready in ${seconds.toFixed(1)} s: ${url}`,
    `API documentation: ${url}/api/docs`,
    ...(demo ? ['', `Demo logins (password: ${demo.password}):`, ...DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(16)} ${a.description}`)] : []),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

await main();
