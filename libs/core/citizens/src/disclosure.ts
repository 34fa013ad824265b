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

/** How one free text stands for one reader: shown, withheld as another member's, or withheld until a caseworker's review. */
export type FreeTextDisclosure = 'disclosed' | 'another-member' | 'review-required';

/**
 * Free text (a contact note, a transition's reason, the citizen's words, …) by the same rule: tagged with whom it
 * concerns, `disclosedTo` decides. Untagged, it may still speak of another member ("the mother is referred to a
 * psychiatric examination") and no rule can tell, so in a family (`family`: the course's household has members
 * besides the reader) it waits for a caseworker to review it and release it to this reader (`released`).
 */
export function freeTextDisclosure(circle: ReadonlySet<string>, concerns: readonly string[] | null | undefined, family: boolean, released: boolean): FreeTextDisclosure {
  if (concerns?.length) return disclosedTo(circle, concerns) ? 'disclosed' : 'another-member';
  return !family || released ? 'disclosed' : 'review-required';
}

/** The reader's circle in one household (or just the reader, when there is none). */
export async function loadDisclosureCircle(em: EntityManager, municipalityId: string, householdId: string | null, readerId: string): Promise<ReadonlySet<string>> {
  if (!householdId) return new Set([readerId]);
  const members = await em.find(HouseholdMember, { where: { municipalityId, householdId }, select: { citizenId: true, relation: true, custody: true } });
  return disclosureCircle(readerId, members);
}
