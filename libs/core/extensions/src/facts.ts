import { In, type EntityManager } from 'typeorm';
import { StaffMember } from '@enplan/core/organisation';
import type { StaffFacts } from './extension-points.js';

/** The facts plugins see about a staff member (the unit's kind included, since rules often turn on it). */
export function staffFacts(s: StaffMember & { unit?: { kind: StaffFacts['unitKind'] } }): StaffFacts {
  if (!s.unit) throw new Error('staffFacts needs the staff member loaded with its unit');
  return Object.freeze({
    id: s.id,
    name: s.name,
    unitId: s.unitId,
    unitKind: s.unit.kind,
    function: s.function,
    authorityAreas: Object.freeze([...s.authorityAreas]),
    isProvider: s.isProvider,
    fte: Number(s.fte),
    active: s.active,
  });
}

/** Staff facts by id, within one municipality; unknown ids are simply absent. */
export async function loadStaffFacts(em: EntityManager, municipalityId: string, ids: readonly string[]): Promise<Map<string, StaffFacts>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await em.find(StaffMember, { where: { id: In(unique), municipalityId }, relations: { unit: true } });
  return new Map(rows.map((r) => [r.id, staffFacts(r)]));
}
