import type { EntityManager } from 'typeorm';
import { HouseholdMember } from './household.entity.js';
import type { HouseholdRelation } from './vocabulary.js';

/** Whether a member is a parent holding custody: a parent's unrecorded custody is joint custody, the Danish default. */
export const holdsCustody = (m: { relation: HouseholdRelation; custody: boolean | null }): boolean => m.relation === 'parent' && m.custody !== false;

/**
 * The citizens whose items a household member may be told about: themself and, for a parent holding custody,
 * the household's children (a parent with custody is a party to the children's case). A partner, a child or a
 * parent without custody gets only themself. Outside a household (no members given) it is the reader alone.
 */
export function disclosureCircle(readerId: string, members: readonly { citizenId: string; relation: HouseholdRelation; custody: boolean | null }[]): ReadonlySet<string> {
  const circle = new Set([readerId]);
  const reader = members.find((m) => m.citizenId === readerId);
  if (reader && holdsCustody(reader)) for (const m of members) if (m.relation === 'child') circle.add(m.citizenId);
  return circle;
}

/**
 * THE disclosure rule for every per-member read (the access request, the citizen view): an item is disclosed
 * to a member when it concerns them or a child in their custody (`circle`, from `disclosureCircle`). An item
 * naming nobody belongs to the whole course (the family) and is disclosed; one that names only others (another
 * adult, or a child the reader has no custody of) is withheld.
 */
export function disclosedTo(circle: ReadonlySet<string>, concerns: readonly string[] | null | undefined): boolean {
  return !concerns?.length || concerns.some((c) => circle.has(c));
}

/** The reader's circle in one household (or just the reader, when there is none). */
export async function loadDisclosureCircle(em: EntityManager, municipalityId: string, householdId: string | null, readerId: string): Promise<ReadonlySet<string>> {
  if (!householdId) return new Set([readerId]);
  const members = await em.find(HouseholdMember, { where: { municipalityId, householdId }, select: { citizenId: true, relation: true, custody: true } });
  return disclosureCircle(readerId, members);
}
