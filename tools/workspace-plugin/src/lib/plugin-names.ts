import type { Tree } from '@nx/devkit';

/**
 * How a plugin id becomes every other name of the plugin. The rules mirror the host's checks
 * (`libs/core/extensions/src/plugin-registry.ts`): the generator cannot import the core (tag type:tool),
 * so they are repeated here and the generated plugin's own tests prove they agree.
 */
export const PLUGIN_ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
export const MAX_PLUGIN_ID_LENGTH = 48;

/** Ids a plugin may not take, and why. */
export const RESERVED_PLUGIN_IDS: Readonly<Record<string, string>> = {
  generic: 'it is the core model\'s id (a deployment\'s "generic" entry carries the core model\'s settings)',
  api: 'the project plugin-api and the alias @enplan/plugin-api are the plugin API',
  catalogue: 'the project plugin-catalogue and the alias @enplan/plugin-catalogue are the plugin catalogue',
};

export interface PluginNames {
  /** kebab-case: `demo-model`. Folder, course model id, route segment `/api/v1/plugins/demo-model/`. */
  id: string;
  /** Nx project: `plugin-demo-model`. */
  projectName: string;
  /** Path alias: `@enplan/plugin-demo-model`. */
  importPath: string;
  /** `DemoModel`: prefix of classes, and of migration class names (the host checks it). */
  className: string;
  /** `demoModel`: prefix of exported values (`demoModelPlugin`). */
  propertyName: string;
  /** `demo_model_`: prefix of every table (the host checks it). */
  tablePrefix: string;
  /** `Demo Model`. */
  title: string;
}

export function pluginNames(id: string): PluginNames {
  const words = id.split('-');
  const className = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return {
    id,
    projectName: `plugin-${id}`,
    importPath: `@enplan/plugin-${id}`,
    className,
    propertyName: className.charAt(0).toLowerCase() + className.slice(1),
    tablePrefix: `${id.replace(/-/g, '_')}_`,
    title: words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' '),
  };
}

/** Why `id` cannot be a plugin id at all (format, reserved), or undefined. */
export function pluginIdFormatProblem(id: unknown): string | undefined {
  if (typeof id !== 'string' || !id) return 'a plugin name is required, e.g. "paired-caseworkers"';
  if (!PLUGIN_ID_PATTERN.test(id)) {
    return `"${id}" is not a valid plugin name: use kebab-case (lower-case letters and digits, words joined by single dashes, starting with a letter), e.g. "paired-caseworkers"`;
  }
  if (id.length > MAX_PLUGIN_ID_LENGTH) return `"${id}" is too long: a plugin name has at most ${MAX_PLUGIN_ID_LENGTH} characters`;
  const reserved = RESERVED_PLUGIN_IDS[id];
  if (reserved) return `"${id}" is reserved: ${reserved}`;
  return undefined;
}

/** Every .ts file under `dir` in the tree (generated-file templates excluded). */
export function typeScriptFiles(tree: Tree, dir: string): string[] {
  if (!tree.exists(dir)) return [];
  const out: string[] = [];
  for (const child of tree.children(dir)) {
    const path = `${dir}/${child}`;
    if (child === 'node_modules' || child === 'files') continue;
    if (tree.isFile(path)) {
      if (path.endsWith('.ts')) out.push(path);
    } else out.push(...typeScriptFiles(tree, path));
  }
  return out;
}

/** The file under plugins/ whose `definePlugin({...})` declares this id, if any. */
export function fileDefiningPluginId(tree: Tree, id: string): string | undefined {
  const declares = new RegExp(`definePlugin\\s*(<[^>]*>)?\\s*\\(\\s*\\{[^]*?\\bid:\\s*['"\`]${id}['"\`]`);
  return typeScriptFiles(tree, 'plugins').find((f) => declares.test(tree.read(f, 'utf-8') ?? ''));
}
