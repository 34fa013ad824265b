import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { INSTRUMENTS_DIR, instrumentGenerator, SHIPPED_FILE } from './generator.js';

/**
 * The instrument generator against an in-memory workspace holding the real list of shipped instruments. That the
 * generated instrument passes its own test untouched is proven end to end by tools/scripts/instrument-probe.sh
 * (run by .ci/run), which generates one in a temporary copy of the workspace and runs it.
 */
const root = join(import.meta.dirname, '../../../../..');
const repoFile = (path: string) => readFileSync(join(root, path), 'utf8');
const NAME = 'daily-life-check';

function workspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.write(SHIPPED_FILE, repoFile(SHIPPED_FILE));
  tree.write(`${INSTRUMENTS_DIR}/employment-readiness.json`, repoFile(`${INSTRUMENTS_DIR}/employment-readiness.json`));
  return tree;
}
const read = (tree: Tree, path: string) => tree.read(path, 'utf-8') ?? '';
const json = (tree: Tree, path: string) => JSON.parse(read(tree, path)) as Record<string, unknown>;

describe('@enplan/tools:instrument', () => {
  let tree: Tree;
  let before: Map<string, string>;
  beforeAll(async () => {
    tree = workspace();
    before = new Map(tree.listChanges().map((c) => [c.path, c.content?.toString() ?? '']));
    await instrumentGenerator(tree, { name: NAME, title: 'Hverdagstjek' });
  });

  it('creates the definition, its test and an example answer set, and edits only the list of shipped instruments', () => {
    const created = tree.listChanges().map((c) => c.path).filter((p) => !before.has(p));
    expect(created.sort()).toEqual([`${INSTRUMENTS_DIR}/${NAME}.json`, `${INSTRUMENTS_DIR}/${NAME}.spec.ts`, `${INSTRUMENTS_DIR}/examples/${NAME}.answers.json`].sort());
    const edited = [...before].filter(([path, content]) => read(tree, path) !== content).map(([path]) => path);
    expect(edited).toEqual([SHIPPED_FILE]);
  });

  it('registers it by adding its id to SHIPPED_INSTRUMENT_IDS, every other line as it was', () => {
    const was = repoFile(SHIPPED_FILE).split('\n');
    const now = read(tree, SHIPPED_FILE).split('\n');
    expect(now).toHaveLength(was.length);
    const changed = now.filter((l) => !was.includes(l));
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(new RegExp(`^export const SHIPPED_INSTRUMENT_IDS = \\[.*'fidelity-checklist', '${NAME}'\\] as const;$`));
  });

  it('writes a definition with one item of each kind, a sum and a mean sub-scale and a total, titled as asked', () => {
    const def = json(tree, `${INSTRUMENTS_DIR}/${NAME}.json`) as {
      id: string;
      version: number;
      title: { da: string };
      items: { kind: string; id: string }[];
      subscales: { method: string; items: string[] }[];
      totals: { subscales: string[] }[];
    };
    expect([def.id, def.version, def.title.da]).toEqual([NAME, 1, 'Hverdagstjek']);
    expect(def.items.map((i) => i.kind).sort()).toEqual(['choice', 'ruler', 'text']);
    expect(def.subscales.map((s) => s.method).sort()).toEqual(['mean', 'sum']);
    const scored = def.items.filter((i) => i.kind !== 'text').map((i) => i.id);
    expect(def.subscales.flatMap((s) => s.items).sort()).toEqual(scored.sort());
    expect(def.totals[0].subscales).toHaveLength(2);
  });

  it('writes an example answering every item, with the scores computed by hand', () => {
    const ex = json(tree, `${INSTRUMENTS_DIR}/examples/${NAME}.answers.json`) as { instrumentId: string; answers: { itemId: string }[]; expectedScores: Record<string, number> };
    const def = json(tree, `${INSTRUMENTS_DIR}/${NAME}.json`) as { items: { id: string }[] };
    expect(ex.instrumentId).toBe(NAME);
    expect(ex.answers.map((a) => a.itemId)).toEqual(def.items.map((i) => i.id));
    expect(ex.expectedScores).toEqual({ 'everyday-life': 2, wellbeing: 7, total: 9 });
  });

  it('writes a test of the definition, the registration and the example, naming the instrument, with no template syntax left', () => {
    const spec = read(tree, `${INSTRUMENTS_DIR}/${NAME}.spec.ts`);
    expect(spec).toContain(`const ID = '${NAME}';`);
    expect(spec).toContain('validateDefinition(');
    expect(spec).toContain('SHIPPED_INSTRUMENT_IDS');
    expect(spec).toContain('expectedScores');
    expect(spec).not.toMatch(/<%|%>/);
  });

  it('titles it from the name when no title is given', async () => {
    const t = workspace();
    await instrumentGenerator(t, { name: 'my-check' });
    expect((json(t, `${INSTRUMENTS_DIR}/my-check.json`).title as { da: string }).da).toBe('My check');
  });

  describe('refuses, writing nothing', () => {
    async function refuses(name: string, reason: RegExp, t = workspace()) {
      const was = new Map(t.listChanges().map((c) => [c.path, c.content?.toString() ?? '']));
      await expect(instrumentGenerator(t, { name })).rejects.toThrow(reason);
      await expect(instrumentGenerator(t, { name })).rejects.toThrow(/Nothing was written\./);
      expect(new Map(t.listChanges().map((c) => [c.path, c.content?.toString() ?? '']))).toEqual(was);
    }
    it('a name that is not kebab-case', () => refuses('Daily_Life', /not a valid instrument name: use kebab-case/));
    it('an empty name', () => refuses('', /an instrument name is required/));
    it('a name longer than the format allows', () => refuses('a'.repeat(61), /too long: an instrument id has at most 60/));
    it('the id of a shipped instrument', () => refuses('employment-readiness', /already exists|already in SHIPPED_INSTRUMENT_IDS/));
    it('the same name twice', async () => {
      const t = workspace();
      await instrumentGenerator(t, { name: 'twice' });
      await refuses('twice', /twice\.json already exists[^]*already in SHIPPED_INSTRUMENT_IDS/, t);
    });
    it('a workspace without the list of shipped instruments', async () => {
      const t = createTreeWithEmptyWorkspace();
      await expect(instrumentGenerator(t, { name: 'x' })).rejects.toThrow(/shipped\.ts \(the list of instruments the build ships\) is missing/);
    });
  });
});
