#!/usr/bin/env node
// Compiles every app, lib and plugin to dist/ with swc (no type checking: that is `npm run typecheck`).
// Path aliases from tsconfig.base.json are rewritten to relative ESM imports, so dist/ runs on plain Node.
import { transformFile } from '@swc/core';
import { copyFile, mkdir, readdir, writeFile, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { swcOptions, workspaceRoot } from './swc-options.mjs';

const roots = ['apps', 'libs', 'plugins'];
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
      if (e.name === 'node_modules' || e.name === 'files' || e.name === '__fixtures__') continue;
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
