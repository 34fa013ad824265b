import { Module } from '@nestjs/common';
import { MigrateCommand, SeedDemoCommand } from './commands/migrate.command.js';
import { MigrationGenerateCommand } from './commands/migration-generate.command.js';
import { NewCommand, NewInstrumentCommand, NewPluginCommand } from './commands/new.command.js';
import { RetentionCommand } from './commands/retention.command.js';
import { TokenCommand } from './commands/token.command.js';

@Module({ providers: [TokenCommand, MigrateCommand, SeedDemoCommand, MigrationGenerateCommand, RetentionCommand, NewCommand, NewPluginCommand, NewInstrumentCommand] })
export class CliModule {}
