import { Module } from '@nestjs/common';
import { MigrateCommand, SeedDemoCommand } from './commands/migrate.command.js';
import { MigrationGenerateCommand } from './commands/migration-generate.command.js';
import { TokenCommand } from './commands/token.command.js';

@Module({ providers: [TokenCommand, MigrateCommand, SeedDemoCommand, MigrationGenerateCommand] })
export class CliModule {}
