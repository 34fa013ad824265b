import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// `enplan new plugin` and `enplan new instrument` without nest-commander (which Jest cannot load: it requires the ESM-only @nestjs/common),
// so the spec runs exactly what the command runs.

export interface NewPluginOptions {
  description?: string;
  displayName?: string;
  dryRun?: boolean;
}

/** The workspace root: the nearest folder above this module holding nx.json (from the sources and from dist/ alike). */
export function workspaceRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json')) && existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no Nx workspace (nx.json) above ${from}: "new plugin" and "new instrument" work in a clone of the enplan repository`);
  }
}

/** The Nx generator call behind `enplan new plugin` (the same as `npx nx g @enplan/tools:plugin ...`). */
export function pluginGeneratorArgs(name: string, o: NewPluginOptions = {}): string[] {
  return [
    'g',
    '@enplan/tools:plugin',
    name,
    '--no-interactive',
    ...(o.description ? ['--description', o.description] : []),
    ...(o.displayName ? ['--displayName', o.displayName] : []),
    ...(o.dryRun ? ['--dry-run'] : []),
  ];
}

export interface NewInstrumentOptions {
  title?: string;
  dryRun?: boolean;
}

/** The Nx generator call behind `enplan new instrument` (the same as `npx nx g @enplan/tools:instrument ...`). */
export function instrumentGeneratorArgs(name: string, o: NewInstrumentOptions = {}): string[] {
  return ['g', '@enplan/tools:instrument', name, '--no-interactive', ...(o.title ? ['--title', o.title] : []), ...(o.dryRun ? ['--dry-run'] : [])];
}

/**
 * Runs the workspace's own Nx (node_modules/nx) with this Node: `nx g @enplan/tools:plugin <name> ...`, so it
 * works in a clean clone after `npm ci`. The generator's listing goes to stdout; when it refuses, the error
 * carries its reason (and nothing was written).
 */
export async function runPluginGenerator(name: string, o: NewPluginOptions = {}): Promise<void> {
  await runGenerator('plugin', pluginGeneratorArgs(name, o));
}

/** `nx g @enplan/tools:instrument <name> ...`, as `runPluginGenerator` does for plugins. */
export async function runInstrumentGenerator(name: string, o: NewInstrumentOptions = {}): Promise<void> {
  await runGenerator('instrument', instrumentGeneratorArgs(name, o));
}

async function runGenerator(kind: 'plugin' | 'instrument', args: string[]): Promise<void> {
  const root = workspaceRoot();
  const nx = join(root, 'node_modules/nx/dist/bin/nx.js');
  if (!existsSync(nx)) throw new Error(`Nx is not installed in ${root}: run npm ci first`);
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, [nx, ...args], {
    cwd: root,
    env: { ...env, NX_DAEMON: process.env.NX_DAEMON ?? 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => process.stdout.write(c));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (status === 0) {
    process.stderr.write(stderr);
    return;
  }
  // The generator's own explanation (what is wrong with the name, and that nothing was written).
  const reason = new RegExp(`Cannot generate ${kind}[^]*?Nothing was written\\.`).exec(stderr)?.[0];
  throw new Error(reason ? reason.replace(/\n\s*\n/g, '\n') : `the ${kind} generator failed (exit ${status}):\n${stderr.trim()}`);
}
