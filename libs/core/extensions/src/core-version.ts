import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The core's (the application's) version, read from the workspace's package.json (the one place it is
 * written), so the OpenAPI document and `GET /deployment` report what is actually running. Plugins are checked
 * against `PLUGIN_API_VERSION` instead, which moves only with the plugin API. The file is found by walking up
 * from this module, which works from the sources (tests) and from dist/ alike.
 */
function readCoreVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'enplan' && pkg.version) return pkg.version;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('The core version cannot be determined: no package.json named "enplan" above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

export const CORE_VERSION: string = readCoreVersion();
