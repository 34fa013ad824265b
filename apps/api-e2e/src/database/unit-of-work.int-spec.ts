import { DataSource } from 'typeorm';
import { countStatements, inUnitOfWork } from '@enplan/core/database';
import { testEngine } from '@enplan/core/testing';
import { useProbeDatabase } from './probe-database.js';

/**
 * Everything a request does through the DataSource inside a unit of work joins its one transaction: plain
 * queries, repositories and a service's own `ds.transaction` (joined, no savepoint). On PGlite a query outside the held
 * transaction would wait for itself, so these tests would hang there (30 s lease) rather than pass by luck.
 */
describe(`unit of work (${testEngine()})`, () => {
  let ds: DataSource;
  const probe = useProbeDatabase('CREATE TABLE probe (name text PRIMARY KEY)');
  beforeAll(() => {
    ds = probe();
  });
  beforeEach(() => ds.query('DELETE FROM probe'));

  const names = async (): Promise<string[]> => ((await ds.query('SELECT name FROM probe ORDER BY name')) as { name: string }[]).map((r) => r.name);
  const insert = (name: string) => ds.query('INSERT INTO probe (name) VALUES ($1)', [name]);

  it('joins the DataSource and nested transactions, and commits them together', async () => {
    await inUnitOfWork(ds, async (em) => {
      await em.query(`INSERT INTO probe (name) VALUES ('outer')`);
      await insert('joined');
      await ds.transaction((inner) => inner.query(`INSERT INTO probe (name) VALUES ('nested')`));
      // The transaction's own uncommitted rows are visible to a joined query.
      expect(await names()).toEqual(['joined', 'nested', 'outer']);
    });
    expect(await names()).toEqual(['joined', 'nested', 'outer']);
  });

  it('rolls back everything when the work fails after the nested transaction committed', async () => {
    await expect(
      inUnitOfWork(ds, async () => {
        await ds.transaction((inner) => inner.query(`INSERT INTO probe (name) VALUES ('nested')`));
        await insert('joined');
        throw new Error('the log entry could not be written');
      }),
    ).rejects.toThrow('the log entry could not be written');
    expect(await names()).toEqual([]);
  });

  it('a failed nested transaction fails the whole unit: nothing of it is kept', async () => {
    await expect(
      inUnitOfWork(ds, async () => {
        await insert('before');
        await ds.transaction(async (inner) => {
          await inner.query(`INSERT INTO probe (name) VALUES ('undone')`);
          await inner.query(`INSERT INTO probe (name) VALUES ('undone')`);
        });
      }),
    ).rejects.toThrow();
    expect(await names()).toEqual([]);
  });

  it('joins a nested transaction without a savepoint: begin, the insert, commit', async () => {
    await countStatements(async (read) => {
      await inUnitOfWork(ds, () => ds.transaction((inner) => inner.query(`INSERT INTO probe (name) VALUES ('one')`)));
      expect(read()).toBe(3);
    });
    expect(await names()).toEqual(['one']);
  });

  it('a query started in the unit of work but run after it ends gets its own connection', async () => {
    let ended!: () => void;
    const afterwards = new Promise<void>((r) => (ended = r));
    let late!: Promise<unknown>;
    await inUnitOfWork(ds, async () => {
      // Carries the unit of work's async context, but runs once its transaction is gone.
      late = afterwards.then(() => insert('late'));
    });
    ended();
    await late;
    expect(await names()).toEqual(['late']);
  });
});
