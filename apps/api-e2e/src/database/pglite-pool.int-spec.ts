import { DataSource } from 'typeorm';
import { testEngine } from '@enplan/core/testing';
import { useProbeDatabase } from './probe-database.js';

/**
 * Concurrent transactions must stay isolated on the embedded engine as on PostgreSQL. typeorm-pglite's
 * shared session failed this: a rolled-back transaction kept its row. Runs on both engines.
 */
describe(`concurrent transactions (${testEngine()})`, () => {
  let ds: DataSource;
  const probe = useProbeDatabase('CREATE TABLE probe (name text PRIMARY KEY, n int NOT NULL DEFAULT 0)');
  beforeAll(() => {
    ds = probe();
  });

  const pause = () => new Promise((r) => setImmediate(r));

  it('a rolled-back transaction leaves nothing behind while others commit', async () => {
    const results = await Promise.allSettled([
      ds.transaction(async (em) => {
        await em.query(`INSERT INTO probe (name) VALUES ('a')`);
        await pause();
        await em.query(`INSERT INTO probe (name) VALUES ('a2')`);
      }),
      ds.transaction(async (em) => {
        await em.query(`INSERT INTO probe (name) VALUES ('b')`);
        await pause();
        throw new Error('boom');
      }),
      ds.transaction(async (em) => {
        await pause();
        await em.query(`INSERT INTO probe (name) VALUES ('c')`);
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const rows: { name: string }[] = await ds.query('SELECT name FROM probe ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(['a', 'a2', 'c']);
  });

  it('an uncommitted row is invisible outside its transaction', async () => {
    let seenInside = -1;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const tx = ds.transaction(async (em) => {
      await em.query(`INSERT INTO probe (name) VALUES ('hidden')`);
      seenInside = (await em.query(`SELECT count(*)::int AS n FROM probe WHERE name = 'hidden'`))[0].n;
      await gate;
      throw new Error('roll back');
    });
    // On PGlite this read waits for the transaction to finish (serialised); on PostgreSQL it runs now.
    const outside = ds.query(`SELECT count(*)::int AS n FROM probe WHERE name = 'hidden'`);
    release();
    await expect(tx).rejects.toThrow('roll back');
    expect(seenInside).toBe(1);
    expect((await outside)[0].n).toBe(0);
  });

  it('reports affected rows for updates and deletes (TypeORM relies on it)', async () => {
    await ds.query(`INSERT INTO probe (name) VALUES ('u1'), ('u2')`);
    const upd = await ds.createQueryBuilder().update('probe').set({ n: 5 }).where(`name LIKE 'u%'`).execute();
    expect(upd.affected).toBe(2);
    const del = await ds.createQueryBuilder().delete().from('probe').where(`name = 'u1'`).execute();
    expect(del.affected).toBe(1);
  });

  it('keeps many concurrent increments exact', async () => {
    await ds.query(`INSERT INTO probe (name) VALUES ('counter')`);
    await Promise.all(
      Array.from({ length: 20 }, () =>
        ds.transaction(async (em) => {
          const [{ n }] = await em.query(`SELECT n FROM probe WHERE name = 'counter' FOR UPDATE`);
          await pause();
          await em.query(`UPDATE probe SET n = $1 WHERE name = 'counter'`, [n + 1]);
        }),
      ),
    );
    expect((await ds.query(`SELECT n FROM probe WHERE name = 'counter'`))[0].n).toBe(20);
  });
});
