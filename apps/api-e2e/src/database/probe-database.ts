import { DataSource } from 'typeorm';
import { createDataSource } from '@enplan/core/database';
import { createTestDatabase, type TestDatabase } from '@enplan/core/testing';

/**
 * A fresh test database (the engine ENPLAN_TEST_DB names) with no entities and no migrations, only the `probe`
 * table `createTable` makes: for tests of the DataSource itself. Registers its own beforeAll/afterAll; the
 * returned function gives the DataSource once beforeAll has run.
 */
export function useProbeDatabase(createTable: string): () => DataSource {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource(db.settings, { entities: [], migrations: [] });
    await ds.initialize();
    await ds.query(createTable);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });
  return () => ds;
}
