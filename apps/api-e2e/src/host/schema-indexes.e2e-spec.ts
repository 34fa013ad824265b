import { DataSource } from 'typeorm';
import { PLUGIN_CATALOGUE } from '@enplan/plugin-catalogue';
import { startTestApp, testEngine, type TestApp } from '@enplan/core/testing';
import { ALL_PLUGINS } from '../common/all-plugins.js';

/**
 * Every list and filter the API offers runs inside one municipality, so every tenant table needs an index that
 * starts with municipality_id (the tenant's rows are found without a scan, and a Citus distribution by
 * municipality_id keeps them on one shard); and every foreign key needs an index led by its columns (or by
 * municipality_id and then its columns, the tenant-sharded form), or a delete or key update on the parent scans
 * the child. Checked over the core and every catalogue plugin's
 * migrations, on the real catalogue of each engine.
 */
describe(`indexes on tenant tables and foreign keys (${testEngine()})`, () => {
  let t: TestApp;
  let ds: DataSource;

  beforeAll(async () => {
    t = await startTestApp({ plugins: PLUGIN_CATALOGUE, deployment: ALL_PLUGINS });
    ds = t.app.get(DataSource);
  }, 120_000);
  afterAll(() => t?.close());

  it('leads an index with municipality_id on every tenant table', async () => {
    const rows: { table: string }[] = await ds.query(
      `SELECT c.relname AS "table"
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'municipality_id' AND NOT a.attisdropped)
          AND NOT EXISTS (
                SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                 WHERE i.indrelid = c.oid AND a.attname = 'municipality_id')
        ORDER BY 1`,
    );
    const tenantTables: { n: number }[] = await ds.query(
      `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'municipality_id'`,
    );
    expect(tenantTables[0].n).toBeGreaterThan(20);
    expect(rows.map((r) => r.table)).toEqual([]);
  });

  it('indexes every foreign key by its own columns', async () => {
    const rows: { fk: string }[] = await ds.query(
      `SELECT co.conrelid::regclass::text || '(' ||
              (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(co.conkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.attnum) || ')' AS fk
         FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace
        WHERE co.contype = 'f' AND n.nspname = current_schema()
          AND NOT EXISTS (
                SELECT 1 FROM pg_index i
                 WHERE i.indrelid = co.conrelid
                   AND (   ((i.indkey::int2[])[0:cardinality(co.conkey) - 1] @> co.conkey
                            AND (i.indkey::int2[])[0:cardinality(co.conkey) - 1] <@ co.conkey)
                        -- or led by the tenant column and then the key's columns, as a table sharded by municipality indexes it
                        OR ((i.indkey::int2[])[0] = (SELECT a.attnum FROM pg_attribute a WHERE a.attrelid = co.conrelid AND a.attname = 'municipality_id')
                            AND (i.indkey::int2[])[1:cardinality(co.conkey)] @> co.conkey
                            AND (i.indkey::int2[])[1:cardinality(co.conkey)] <@ co.conkey)))
        ORDER BY 1`,
    );
    const fks: { n: number }[] = await ds.query(
      `SELECT count(*)::int AS n FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace WHERE co.contype = 'f' AND n.nspname = current_schema()`,
    );
    expect(fks[0].n).toBeGreaterThan(10);
    expect(rows.map((r) => r.fk)).toEqual([]);
  });
});
