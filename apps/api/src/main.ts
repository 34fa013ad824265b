import 'reflect-metadata';
import { runApi } from '@enplan/core/host';
import { PLUGIN_CATALOGUE } from '@enplan/plugin-catalogue';

try {
  // The deployment file (ENPLAN_DEPLOYMENT_FILE) enables plugins of this catalogue per municipality;
  // ENPLAN_WORKERS runs several API processes on PostgreSQL (libs/core/host/src/cluster.ts).
  await runApi({ plugins: PLUGIN_CATALOGUE });
} catch (e) {
  // Configuration, deployment and plugin errors name the variable or plugin at fault; print them plainly.
  const err = e as Error;
  process.stderr.write(`enplan API failed to start: ${err.message}\n`);
  if (!['ConfigurationError', 'DeploymentError', 'PluginError'].includes(err.name)) process.stderr.write(`${err.stack}\n`);
  process.exit(1);
}
