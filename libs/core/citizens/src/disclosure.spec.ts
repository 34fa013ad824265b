import type { EntityManager } from 'typeorm';
import { disclosedTo, disclosureCircle, freeTextDisclosure, holdsCustody, loadDisclosureCircle } from './disclosure.js';
import type { HouseholdRelation } from './vocabulary.js';

const m = (citizenId: string, relation: HouseholdRelation, custody: boolean | null = null) => ({ citizenId, relation, custody });
const family = [m('mor', 'parent', true), m('far', 'parent', false), m('papa', 'partner'), m('barn1', 'child'), m('barn2', 'child'), m('bedste', 'parent')];

describe('custody and the disclosure circle', () => {
  it('counts a parent’s unrecorded custody as joint custody, and nobody else as holding custody', () => {
    expect(holdsCustody(m('x', 'parent', true))).toBe(true);
    expect(holdsCustody(m('x', 'parent', null))).toBe(true);
    expect(holdsCustody(m('x', 'parent', false))).toBe(false);
    expect(holdsCustody(m('x', 'partner', true))).toBe(false);
    expect(holdsCustody(m('x', 'child', null))).toBe(false);
  });

  it('gives a parent with custody the household’s children, everyone else only themself', () => {
    expect([...disclosureCircle('mor', family)]).toEqual(['mor', 'barn1', 'barn2']);
    expect([...disclosureCircle('bedste', family)]).toEqual(['bedste', 'barn1', 'barn2']);
    expect([...disclosureCircle('far', family)]).toEqual(['far']);
    expect([...disclosureCircle('papa', family)]).toEqual(['papa']);
    expect([...disclosureCircle('barn1', family)]).toEqual(['barn1']);
    expect([...disclosureCircle('stranger', family)]).toEqual(['stranger']);
    expect([...disclosureCircle('mor', [])]).toEqual(['mor']);
  });
});

describe('disclosedTo: the one disclosure rule', () => {
  const circle = new Set(['mor', 'barn1']);
  it('discloses an item that concerns the reader or a child in their custody, or names nobody', () => {
    expect(disclosedTo(circle, ['barn1'])).toBe(true);
    expect(disclosedTo(circle, ['far', 'mor'])).toBe(true);
    expect(disclosedTo(circle, [])).toBe(true);
    expect(disclosedTo(circle, null)).toBe(true);
    expect(disclosedTo(circle, undefined)).toBe(true);
  });

  it('withholds one that names only others', () => {
    expect(disclosedTo(circle, ['far'])).toBe(false);
    expect(disclosedTo(circle, ['far', 'barn2'])).toBe(false);
  });
});

describe('freeTextDisclosure', () => {
  const circle = new Set(['mor']);
  it('decides tagged text by whom it concerns', () => {
    expect(freeTextDisclosure(circle, ['mor'], true, false)).toBe('disclosed');
    expect(freeTextDisclosure(circle, ['far'], true, true)).toBe('another-member');
    expect(freeTextDisclosure(circle, ['far'], false, false)).toBe('another-member');
  });

  it('holds untagged text in a family for a caseworker’s review, until released; outside a family it is disclosed', () => {
    expect(freeTextDisclosure(circle, [], true, false)).toBe('review-required');
    expect(freeTextDisclosure(circle, null, true, false)).toBe('review-required');
    expect(freeTextDisclosure(circle, undefined, true, true)).toBe('disclosed');
    expect(freeTextDisclosure(circle, [], false, false)).toBe('disclosed');
  });
});

describe('loadDisclosureCircle', () => {
  it('reads the household’s members in the municipality, or gives the reader alone without a household', async () => {
    const calls: unknown[] = [];
    const em = { find: async (_: unknown, options: unknown) => (calls.push(options), family) } as unknown as EntityManager;
    expect([...(await loadDisclosureCircle(em, 'm1', null, 'mor'))]).toEqual(['mor']);
    expect(calls).toEqual([]);
    expect([...(await loadDisclosureCircle(em, 'm1', 'h1', 'mor'))]).toEqual(['mor', 'barn1', 'barn2']);
    expect(calls).toEqual([{ where: { municipalityId: 'm1', householdId: 'h1' }, select: { citizenId: true, relation: true, custody: true } }]);
  });
});
