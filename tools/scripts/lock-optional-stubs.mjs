#!/usr/bin/env node
// Run after any `npm install` that rewrites package-lock.json.
// The registry mirror these machines use holds only linux-x64 builds of native packages (@swc/core-*,
// @nx/nx-*, resolver bindings). npm then leaves the other platforms' optional dependencies out of the
// lock file, and `npm ci` refuses the lock as "out of sync". This adds a stub entry per missing optional
// dependency; npm skips optional packages it cannot fetch, so installs stay exact everywhere.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './swc-options.mjs';

const file = join(workspaceRoot, 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));
const pkgs = lock.packages;
let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ''}node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (pkgs[nested] || pkgs[hoisted]) continue;
    pkgs[hoisted] = { version, ...(meta.dev ? { dev: true } : {}), optional: true };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: ${added} optional stub(s) added`);
