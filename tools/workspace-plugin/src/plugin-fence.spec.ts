import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ESLint } from 'eslint';

/**
 * Proves the plugin fence (eslint.config.mjs `pluginFence`) bites: planted plugin code that runs SQL, names a
 * core table, or takes TypeORM's DataSource / EntityManager is refused; the same code in a plugin's migration
 * is not; and the plugins as they are carry none of it.
 */
const root = join(import.meta.dirname, '../../..');
const planted = join(root, 'plugins/plan-coordinator/src/lib/planted.ts');
const plantedMigration = join(root, 'plugins/plan-coordinator/src/lib/migrations/1795600000001-Planted.ts');
const FENCE_RULES = new Set(['no-restricted-syntax', 'no-restricted-imports']);

async function fenceErrors(code: string, filePath = planted): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId !== null && FENCE_RULES.has(m.ruleId)).map((m) => m.message);
}

describe('the plugin fence', () => {
  it('refuses SQL through any handle', async () => {
    const errors = await fenceErrors(`export const f = (h: { query(s: string): unknown }) => h.query('SELECT 1');\n`);
    expect(errors).toEqual([expect.stringMatching(/Plugin fence: no SQL/)]);
  });

  it('refuses a query builder', async () => {
    const errors = await fenceErrors(`export const f = (r: { createQueryBuilder(a: string): unknown }) => r.createQueryBuilder('c');\n`);
    expect(errors).toEqual([expect.stringMatching(/no query builders/)]);
  });

  it('refuses naming a core table in a string or a template', async () => {
    expect(await fenceErrors(`export const sql = 'SELECT id FROM course WHERE id = $1';\n`)).toEqual([expect.stringMatching(/core tables/)]);
    expect(await fenceErrors('export const sql = `SELECT 1 FROM team_assignment a JOIN staff_member s ON s.id = a.staff_member_id`;\n')).toEqual([
      expect.stringMatching(/core tables/),
    ]);
    // Words in messages are not table names.
    expect(await fenceErrors(`export const m = 'The course is closed: nobody covers on it';\n`)).toEqual([]);
  });

  it("refuses TypeORM's DataSource and EntityManager (the core's transaction)", async () => {
    const errors = await fenceErrors(`import { DataSource, type EntityManager, In } from 'typeorm';\nexport const x = [DataSource, In];\nexport type E = EntityManager;\n`);
    expect(errors).toHaveLength(2);
    expect(errors.every((e) => /Plugin fence/.test(e))).toBe(true);
    expect(await fenceErrors(`import { InjectDataSource } from '@nestjs/typeorm';\nexport const x = InjectDataSource;\n`)).toHaveLength(1);
  });

  it('lets migrations run SQL on their own tables', async () => {
    expect(await fenceErrors(`export const up = (q: { query(s: string): unknown }) => q.query('CREATE TABLE plan_coordinator_x (id uuid)');\n`, plantedMigration)).toEqual([]);
  });

  it('finds no SQL in the plugins outside their migrations (the grep of the before-stop hook)', () => {
    const r = spawnSync('git', ['grep', '-nE', String.raw`\.query\(|createQueryBuilder\(`, '--', 'plugins/*.ts', ':!plugins/*/migrations/*', ':!*.spec.ts'], { cwd: root, encoding: 'utf8' });
    // git grep exits 1 when nothing matches: that is the passing case.
    expect({ status: r.status, found: r.stdout }).toEqual({ status: 1, found: '' });
  });
});
