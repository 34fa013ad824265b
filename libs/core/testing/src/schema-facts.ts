import type { DataSource } from 'typeorm';

/**
 * What a plugin's e2e test asks of the schema (its migrations ran, its tables exist), so the plugin's own
 * folders carry no SQL at all (the plugin fence and the before-stop grep find none there).
 */
export async function ranMigrations(ds: DataSource, namePrefix: string): Promise<string[]> {
  const rows: { name: string }[] = await ds.query(`SELECT name FROM schema_migration WHERE name LIKE $1 ORDER BY name`, [`${namePrefix}%`]);
  return rows.map((r) => r.name);
}

export async function tablesPrefixed(ds: DataSource, prefix: string): Promise<string[]> {
  const rows: { table_name: string }[] = await ds.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE $1 ORDER BY table_name`,
    [`${prefix.replace(/_/g, '\\_')}%`],
  );
  return rows.map((r) => r.table_name);
}
