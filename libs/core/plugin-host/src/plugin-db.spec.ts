import type { EntityManager } from 'typeorm';
import { pluginDb } from './plugin-db.js';

class OwnRow {}
class CoreRow {}

describe("a plugin's database handle", () => {
  const repo = { find: async () => ['row'] };
  const em = { getRepository: (e: unknown) => (e === OwnRow ? repo : { find: async () => ['core'] }) } as unknown as EntityManager;
  const db = pluginDb('demo', [OwnRow], em);

  it("reaches the plugin's own entities, in the given transaction", async () => {
    expect(db.repository(OwnRow)).toBe(repo);
    expect(await db.find(OwnRow)).toEqual(['row']);
  });

  it('refuses any entity the plugin did not declare (a core entity, another plugin’s)', async () => {
    expect(() => db.repository(CoreRow)).toThrow(/demo may only use its own entities; CoreRow/);
    await expect(async () => db.find(CoreRow)).rejects.toThrow(/own entities/);
  });
});
