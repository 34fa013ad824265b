#!/usr/bin/env node
// Compiles every app, lib and plugin to dist/ with swc (no type checking: that is `npm run typecheck`).
// Path aliases from tsconfig.base.json are rewritten to relative ESM imports, so dist/ runs on plain Node.
import { transformFile } from '@swc/core';
import { copyFile, mkdir, readdir, readFile, stat, writeFile, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, join, relative } from 'node:path';
import { swcOptions, workspaceRoot } from './swc-options.mjs';

const roots = ['apps', 'libs', 'plugins'];
// The web app (React + Vite) is bundled by Vite into dist/web, not compiled file by file; its browser tests run under Playwright.
const viteOwned = new Set([join(workspaceRoot, 'apps/web'), join(workspaceRoot, 'apps/web-e2e')]);
const skip = /(\.spec|\.int-spec|\.e2e-spec|\.d)\.ts$/;
const quiet = process.argv.includes('--quiet');

async function* walk(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name === 'files' || e.name === '__fixtures__' || viteOwned.has(p)) continue;
      yield* walk(p);
    } else if (e.name.endsWith('.ts') && !skip.test(e.name)) yield p;
    // Data read at run time next to the code (progression instrument definitions) is copied as it is.
    else if (e.name.endsWith('.json') && dir.endsWith('/instruments')) yield p;
  }
}

const started = Date.now();
const outRoot = join(workspaceRoot, 'dist');
await rm(outRoot + '/apps', { recursive: true, force: true });
await rm(outRoot + '/libs', { recursive: true, force: true });
await rm(outRoot + '/plugins', { recursive: true, force: true });
const options = swcOptions();
let count = 0;
const files = [];
for (const root of roots) for await (const f of walk(join(workspaceRoot, root))) files.push(f);
await Promise.all(
  files.map(async (file) => {
    const rel = relative(workspaceRoot, file);
    const out = join(outRoot, rel.replace(/\.ts$/, '.js'));
    if (file.endsWith('.json')) {
      await mkdir(dirname(out), { recursive: true });
      await copyFile(file, out);
      count++;
      return;
    }
    const { code, map } = await transformFile(file, { ...options, filename: file, sourceFileName: relative(dirname(out), file) });
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, code + `\n//# sourceMappingURL=${out.split('/').pop()}.map\n`);
    if (map) await writeFile(out + '.map', map);
    count++;
  }),
);
if (!quiet) process.stderr.write(`built ${count} files into dist/ in ${Date.now() - started} ms\n`);

// The web app: rebuilt only when its sources (or the lock file) changed since the last build, so `npm start`
// stays quick. The stamp is a hash over the sources' paths, sizes and modification times.
const webRoot = join(workspaceRoot, 'apps/web');
const webOut = join(outRoot, 'web');
const stampFile = join(webOut, '.source-stamp');
const hash = createHash('sha256');
const webFiles = [join(workspaceRoot, 'package-lock.json')];
async function collect(dir) {
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') await collect(p);
    } else webFiles.push(p);
  }
}
await collect(webRoot);
for (const f of webFiles.sort()) {
  const s = await stat(f);
  hash.update(`${relative(workspaceRoot, f)}:${s.size}:${s.mtimeMs}\n`);
}
const stamp = hash.digest('hex');
const previous = await readFile(stampFile, 'utf8').catch(() => '');
if (previous !== stamp && webFiles.length > 1) {
  const webStarted = Date.now();
  const { build } = await import('vite');
  await build({ configFile: join(webRoot, 'vite.config.ts'), logLevel: quiet ? 'silent' : 'warn' });
  await writeFile(stampFile, stamp);
  if (!quiet) process.stderr.write(`built the web app into dist/web in ${Date.now() - webStarted} ms\n`);
}
