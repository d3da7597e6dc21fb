import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { prepareDatabase } from './startup/prepare.ts';
import { DEMO_ACCOUNTS } from './demo/accounts.ts';

/** Start: config → database (migrations, demo seed) → HTTP. */
async function main() {
  const started = Date.now();
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
  const where = config.database.kind === 'pglite' ? `embedded PGlite in ${config.database.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  console.log(`Linzhang: opening ${where}…`);
  const { database } = await prepareDatabase(config, { log: (m) => console.log(`Linzhang: ${m}`) });
  const app = await buildApp({ config, database });

  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());

  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  console.log(`\nLinzhang 林长制平台 is ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${url}`);
  console.log(`API documentation: ${url}/api/docs`);
  if (config.demo.seed) {
    console.log(`\nDemo logins (password: ${config.demo.password}):`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(16)} ${a.description}`);
  }
}

await main();
