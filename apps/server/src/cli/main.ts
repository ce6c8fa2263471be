import { Command } from 'commander';
import { migrateToLatest } from '@shualian/db';
import { faceCommand } from '@shualian/face-engine/cli';
import { loadConfig } from '../platform/config.ts';
import { entranceCommand } from './entrance-replay.command.ts';
import { faceEvaluationCommands } from './face-evaluation.command.ts';
import { recsCommand } from './recommendations.command.ts';
import { schemaMigrations } from '../schema-migrations.ts';
import { banner, openConfiguredDatabase, startServer } from '../server.ts';

const program = new Command('shualian').description('Shualian (刷脸): face-ID membership and face payment for stores');

program
  .command('serve')
  .description('migrate the database, seed the demo on first start, and serve the API and its docs')
  .action(async () => {
    const server = await startServer(loadConfig());
    process.stdout.write(banner(server));
    const shutdown = (signal: string) => {
      server.app.log.info({ signal }, 'shutting down');
      server.stop().then(
        () => process.exit(0),
        (err: unknown) => {
          server.app.log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });

program
  .command('migrate')
  .description('bring the database schema to the latest version and exit')
  .action(async () => {
    const database = await openConfiguredDatabase(loadConfig());
    try {
      const { applied } = await migrateToLatest(database.db, schemaMigrations);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
    } finally {
      await database.close();
    }
  });

const face = faceCommand();
for (const command of faceEvaluationCommands()) face.addCommand(command);
program.addCommand(face);
program.addCommand(entranceCommand());
program.addCommand(recsCommand());

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
