import 'reflect-metadata';
import { startApi } from '@enplan/core/host';

try {
  await startApi();
} catch (e) {
  // Configuration and deployment errors name the variable or plugin at fault; print them plainly.
  const err = e as Error;
  process.stderr.write(`enplan API failed to start: ${err.message}\n`);
  if (!['ConfigurationError', 'DeploymentError'].includes(err.name)) process.stderr.write(`${err.stack}\n`);
  process.exit(1);
}
