import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module.js';

// Nest's own logs go to stderr: stdout carries only a command's result (e.g. the token).
await CommandFactory.run(CliModule, {
  logger: ['error', 'warn'],
  errorHandler: (err) => {
    process.stderr.write(`enplan: ${err.message}\n`);
    process.exit(1);
  },
  serviceErrorHandler: (err) => {
    process.stderr.write(`enplan: ${err.message}\n`);
    process.exit(1);
  },
});
