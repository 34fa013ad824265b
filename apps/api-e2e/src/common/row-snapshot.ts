import { DataSource } from 'typeorm';
import type { TestApp } from '@enplan/core/testing';

/**
 * Every table that carries the municipality id, but those named, as `count:hash` of all its rows: comparing two
 * snapshots says "nothing was written" over the whole database, not only the tables a test thought of. The access
 * log is left out by default: it records refusals too.
 */
export async function rowSnapshot(t: TestApp, except: readonly string[] = ['access_log']): Promise<Record<string, string>> {
  const ds = t.app.get(DataSource);
  const tables = (
    (await ds.query(`SELECT DISTINCT table_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'municipality_id'`)) as { name: string }[]
  )
    .map((r) => r.name)
    .filter((n) => !except.includes(n))
    .sort();
  const out: Record<string, string> = {};
  for (const name of tables) {
    const [row] = (await ds.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(md5(x::text), ',' ORDER BY md5(x::text)), '')) AS h FROM "${name}" x`)) as { n: number; h: string }[];
    out[name] = `${row.n}:${row.h}`;
  }
  return out;
}
