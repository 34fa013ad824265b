import ts from 'typescript';

/**
 * Surgical edits of the workspace's shared files: one added line each, nothing else reformatted (several
 * people edit these files at once, and a JSON or code formatter would rewrite them whole).
 */

const ALIAS_LINE = /^(\s*)"([^"]+)":\s*\[[^\]]*\](,?)\s*$/;

/**
 * Adds `"alias": ["./target"]` to tsconfig.base.json's `compilerOptions.paths`, at its sorted place among
 * the one-line entries, keeping every other line as it is.
 */
export function addPathAlias(tsconfigText: string, alias: string, target: string): string {
  const parsed = JSON.parse(tsconfigText) as { compilerOptions?: { paths?: Record<string, string[]> } };
  const paths = parsed.compilerOptions?.paths;
  if (!paths) throw new Error('tsconfig.base.json has no compilerOptions.paths');
  if (paths[alias]) throw new Error(`the path alias ${alias} already exists in tsconfig.base.json (-> ${paths[alias].join(', ')})`);
  const lines = tsconfigText.split('\n');
  const start = lines.findIndex((l) => /^\s*"paths"\s*:\s*\{\s*$/.test(l));
  if (start < 0) throw new Error('tsconfig.base.json: expected "paths": { on a line of its own, one alias per line');
  const entries: { index: number; alias: string; indent: string; comma: boolean }[] = [];
  for (let i = start + 1; i < lines.length && !/^\s*\}/.test(lines[i]); i++) {
    const m = ALIAS_LINE.exec(lines[i]);
    if (m) entries.push({ index: i, indent: m[1], alias: m[2], comma: m[3] === ',' });
  }
  if (!entries.length) throw new Error('tsconfig.base.json: expected one alias per line in compilerOptions.paths');
  const line = (indent: string, comma: boolean) => `${indent}${JSON.stringify(alias)}: [${JSON.stringify(target)}]${comma ? ',' : ''}`;
  const before = entries.find((e) => e.alias > alias);
  if (before) {
    lines.splice(before.index, 0, line(before.indent, true));
  } else {
    const last = entries[entries.length - 1];
    if (!last.comma) lines[last.index] = lines[last.index].replace(/\](\s*)$/, '],$1');
    lines.splice(last.index + 1, 0, line(last.indent, false));
  }
  const out = lines.join('\n');
  JSON.parse(out); // still valid JSON, or this throws before anything is written
  return out;
}

export const CATALOGUE_FILE = 'libs/plugin-catalogue/src/index.ts';

/**
 * Imports a plugin definition into libs/plugin-catalogue/src/index.ts and appends it to PLUGIN_CATALOGUE,
 * whatever the array's current layout ([], one line, one entry per line).
 */
export function addToCatalogue(catalogueText: string, exportName: string, importPath: string): string {
  return addImportedArrayElement(catalogueText, CATALOGUE_FILE, 'PLUGIN_CATALOGUE', exportName, importPath);
}

/**
 * Adds `import { name } from 'from'` after the last import and appends `name` to the array literal that
 * initialises `arrayName` (e.g. `export const X: T[] = [...]`), keeping the array's layout.
 */
export function addImportedArrayElement(text: string, fileName: string, arrayName: string, name: string, from: string): string {
  return addArrayElement(text, fileName, arrayName, name, from);
}

/**
 * Appends the string literal `'value'` to the array literal that initialises `arrayName` (e.g.
 * `export const IDS = ['a', 'b'] as const`), keeping the array's layout; refuses a value already listed.
 */
export function addStringArrayElement(text: string, fileName: string, arrayName: string, value: string): string {
  return addArrayElement(text, fileName, arrayName, value);
}

/** `addImportedArrayElement` (with `from`: an imported identifier) or `addStringArrayElement` (without: a string literal). */
function addArrayElement(text: string, fileName: string, arrayName: string, name: string, from?: string): string {
  const element = from === undefined ? `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : name;
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  let lastImportEnd = -1;
  let array: ts.ArrayLiteralExpression | undefined;
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      lastImportEnd = st.end;
      if (from !== undefined && ts.isStringLiteral(st.moduleSpecifier) && st.moduleSpecifier.text === from) throw new Error(`${fileName} already imports ${from}`);
    }
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || d.name.text !== arrayName || !d.initializer) continue;
      let init: ts.Expression = d.initializer;
      while (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init)) init = init.expression;
      if (ts.isArrayLiteralExpression(init)) array = init;
    }
  }
  if (!array) throw new Error(`${fileName}: no "${arrayName} = [...]" array found; add ${from === undefined ? element : `${name} from ${from}`} to it by hand`);
  const listed = (e: ts.Expression) => (from === undefined ? ts.isStringLiteralLike(e) && e.text === name : ts.isIdentifier(e) && e.text === name);
  if (array.elements.some(listed)) throw new Error(`${fileName}: ${name} is already in ${arrayName}`);

  const edits: { at: number; text: string }[] = [];
  const open = array.getStart(sf);
  const elements = array.elements;
  if (!elements.length) {
    edits.push({ at: open + 1, text: element });
  } else {
    const last = elements[elements.length - 1];
    const afterLast = elements.hasTrailingComma ? text.indexOf(',', last.end) + 1 : last.end;
    if (text.slice(open, array.end).includes('\n')) {
      // One entry per line: a new line with the last entry's indentation.
      const lineStart = text.lastIndexOf('\n', last.getStart(sf)) + 1;
      const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '  ';
      edits.push({ at: afterLast, text: elements.hasTrailingComma ? `\n${indent}${element},` : `,\n${indent}${element}` });
    } else {
      edits.push({ at: afterLast, text: elements.hasTrailingComma ? ` ${element},` : `, ${element}` });
    }
  }
  if (from !== undefined) {
    const importLine = `import { ${name} } from '${from}';`;
    edits.push(lastImportEnd >= 0 ? { at: lastImportEnd, text: `\n${importLine}` } : { at: 0, text: `${importLine}\n` });
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.text + out.slice(e.at);
  return out;
}
