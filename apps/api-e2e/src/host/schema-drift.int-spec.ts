import { createDataSource, pendingSchemaChanges } from '@enplan/core/database';
import { createTestDatabase, testEngine } from '@enplan/core/testing';
import { coreEntities, coreMigrations } from '@enplan/core/host';

/**
 * The migrations must build exactly the schema the entities describe: if someone changes an entity and
 * forgets the migration, this fails on both engines with the SQL that is missing.
 */
describe(`migrations vs entities (${testEngine()})`, () => {
  it('leaves no pending schema change after all migrations ran', async () => {
    const db = await createTestDatabase();
    const ds = await createDataSource(db.settings, { entities: coreEntities, migrations: coreMigrations });
    try {
      await ds.initialize();
      const ran = await ds.runMigrations({ transaction: 'each' });
      expect(ran.map((m) => m.name)).toEqual(coreMigrations.map((m) => new m().name));
      expect(await pendingSchemaChanges(ds)).toEqual([]);
      // And every migration can be undone, newest first, leaving no table behind.
      for (let i = 0; i < coreMigrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      const tables = await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migration'`);
      expect(tables).toEqual([]);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    }
  });

  it('puts municipality_id on every tenant table', async () => {
    const db = await createTestDatabase();
    const ds = await createDataSource(db.settings, { entities: coreEntities, migrations: coreMigrations });
    try {
      await ds.initialize();
      await ds.runMigrations();
      const rows: { table_name: string; has_tenant: boolean }[] = await ds.query(
        `SELECT t.table_name, EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.table_name = t.table_name AND c.column_name = 'municipality_id' AND c.is_nullable = 'NO') AS has_tenant
           FROM information_schema.tables t WHERE t.table_schema = 'public' AND t.table_name NOT IN ('municipality', 'schema_migration') ORDER BY 1`,
      );
      expect(rows.length).toBeGreaterThan(5);
      expect(rows.filter((r) => !r.has_tenant).map((r) => r.table_name)).toEqual([]);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    }
  });
});
