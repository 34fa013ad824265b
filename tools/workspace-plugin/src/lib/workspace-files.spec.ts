import { addImportedArrayElement, addPathAlias, addStringArrayElement, addToCatalogue } from './workspace-files.js';

describe('addPathAlias', () => {
  const tsconfig = ['{', '  "compilerOptions": {', '    "paths": {', '      "@enplan/a": ["./a/src/index.ts"],', '      "@enplan/c": ["./c/src/index.ts"]', '    }', '  }', '}', ''].join('\n');

  it('inserts at the sorted place, one line, nothing else touched', () => {
    const out = addPathAlias(tsconfig, '@enplan/b', './b/src/index.ts');
    expect(out.split('\n')).toEqual(['{', '  "compilerOptions": {', '    "paths": {', '      "@enplan/a": ["./a/src/index.ts"],', '      "@enplan/b": ["./b/src/index.ts"],', '      "@enplan/c": ["./c/src/index.ts"]', '    }', '  }', '}', '']);
  });

  it('appends after the last entry, giving it the comma', () => {
    const out = addPathAlias(tsconfig, '@enplan/d', './d/src/index.ts');
    expect(JSON.parse(out).compilerOptions.paths['@enplan/d']).toEqual(['./d/src/index.ts']);
    expect(out).toContain('"@enplan/c": ["./c/src/index.ts"],\n      "@enplan/d": ["./d/src/index.ts"]\n    }');
  });

  it('refuses an alias that exists', () => {
    expect(() => addPathAlias(tsconfig, '@enplan/a', './x')).toThrow('the path alias @enplan/a already exists');
  });
});

describe('addToCatalogue / addImportedArrayElement', () => {
  const head = "import type { PluginDefinition } from '@enplan/plugin-api';\n";

  it('fills an empty catalogue', () => {
    const out = addToCatalogue(`${head}\nexport const PLUGIN_CATALOGUE: readonly PluginDefinition[] = [];\n`, 'xPlugin', '@enplan/plugin-x');
    expect(out).toBe(`${head}import { xPlugin } from '@enplan/plugin-x';\n\nexport const PLUGIN_CATALOGUE: readonly PluginDefinition[] = [xPlugin];\n`);
  });

  it('appends to a one-line list', () => {
    const out = addToCatalogue(`${head}import { aPlugin } from '@enplan/plugin-a';\nexport const PLUGIN_CATALOGUE: readonly PluginDefinition[] = [aPlugin];\n`, 'xPlugin', '@enplan/plugin-x');
    expect(out).toContain("import { aPlugin } from '@enplan/plugin-a';\nimport { xPlugin } from '@enplan/plugin-x';\n");
    expect(out).toContain('= [aPlugin, xPlugin];');
  });

  it('appends a line to a one-per-line list, with or without a trailing comma', () => {
    const withComma = addToCatalogue(`${head}export const PLUGIN_CATALOGUE: readonly PluginDefinition[] = [\n  aPlugin,\n  bPlugin,\n];\n`, 'xPlugin', '@enplan/plugin-x');
    expect(withComma).toContain('[\n  aPlugin,\n  bPlugin,\n  xPlugin,\n];');
    const without = addToCatalogue(`${head}export const PLUGIN_CATALOGUE: readonly PluginDefinition[] = [\n  aPlugin,\n  bPlugin\n];\n`, 'xPlugin', '@enplan/plugin-x');
    expect(without).toContain('[\n  aPlugin,\n  bPlugin,\n  xPlugin\n];');
  });

  it('refuses a plugin already imported or listed, and a file without the list', () => {
    const listed = `${head}import { xPlugin } from '@enplan/plugin-x';\nexport const PLUGIN_CATALOGUE: readonly PluginDefinition[] = [xPlugin];\n`;
    expect(() => addToCatalogue(listed, 'xPlugin', '@enplan/plugin-x')).toThrow('already imports @enplan/plugin-x');
    expect(() => addToCatalogue(`${head}export const OTHER = [];\n`, 'xPlugin', '@enplan/plugin-x')).toThrow('no "PLUGIN_CATALOGUE = [...]" array found');
  });

  it("adds a migration to a plugin's migrations index", () => {
    const index = "import { XInit1 } from './1-Init.js';\n\n/** doc */\nexport const xMigrations = [XInit1];\n";
    expect(addImportedArrayElement(index, 'index.ts', 'xMigrations', 'XAddY2', './2-AddY.js')).toBe(
      "import { XInit1 } from './1-Init.js';\nimport { XAddY2 } from './2-AddY.js';\n\n/** doc */\nexport const xMigrations = [XInit1, XAddY2];\n",
    );
  });
});

describe('addStringArrayElement', () => {
  const file = "export const IDS = ['a', 'b'] as const;\nexport type Id = (typeof IDS)[number];\n";

  it('appends a string literal to a one-line `as const` list, nothing else touched', () => {
    expect(addStringArrayElement(file, 'ids.ts', 'IDS', 'c-d')).toBe("export const IDS = ['a', 'b', 'c-d'] as const;\nexport type Id = (typeof IDS)[number];\n");
  });

  it('keeps one entry per line when the list has them', () => {
    expect(addStringArrayElement("const IDS = [\n  'a',\n];\n", 'ids.ts', 'IDS', 'b')).toBe("const IDS = [\n  'a',\n  'b',\n];\n");
  });

  it('refuses a value already listed, and a file without the list', () => {
    expect(() => addStringArrayElement(file, 'ids.ts', 'IDS', 'b')).toThrow('ids.ts: b is already in IDS');
    expect(() => addStringArrayElement(file, 'ids.ts', 'OTHER', 'b')).toThrow(/no "OTHER = \[\.\.\.\]" array found/);
  });
});
