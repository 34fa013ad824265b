import { Command, CommandRunner } from 'nest-commander';
import { createApp } from '@enplan/core/host';
import { PLUGIN_CATALOGUE } from '@enplan/plugin-catalogue';

@Command({ name: 'migrate', description: 'Apply pending migrations (core and enabled plugins) and sync municipalities from the deployment' })
export class MigrateCommand extends CommandRunner {
  async run(): Promise<void> {
    const app = await createApp({ plugins: PLUGIN_CATALOGUE, env: { ENPLAN_MIGRATIONS_RUN: 'true', ENPLAN_SEED_DEMO: 'false' }, logStream: process.stderr });
    await app.close();
    process.stderr.write('migrations are up to date\n');
  }
}

@Command({ name: 'seed-demo', description: 'Plant the demo municipality, its units, staff, citizens and courses (once)' })
export class SeedDemoCommand extends CommandRunner {
  async run(): Promise<void> {
    const app = await createApp({ plugins: PLUGIN_CATALOGUE, env: { ENPLAN_MIGRATIONS_RUN: 'true', ENPLAN_SEED_DEMO: 'true' }, logStream: process.stderr });
    await app.close();
    process.stderr.write('demo data is in place\n');
  }
}
