import { disclosureCircle } from '@enplan/core/citizens';
import type { PlanContent } from '@enplan/core/plans';
import { concernsOnlyOthers, redactPlan, StubRefs, type ExportAction, type ExportAgreement, type ExportGoal } from './redaction.js';

const MOTHER = 'aaaaaaaa-0000-4000-8000-000000000001';
const FATHER = 'aaaaaaaa-0000-4000-8000-000000000002';
const CHILD = 'aaaaaaaa-0000-4000-8000-000000000003';
const household = (fatherCustody: boolean | null) => [
  { citizenId: MOTHER, relation: 'parent' as const, custody: true },
  { citizenId: FATHER, relation: 'parent' as const, custody: fatherCustody },
  { citizenId: CHILD, relation: 'child' as const, custody: null },
];

const content: PlanContent = {
  citizenWords: { worries: 'Økonomien', whatWorks: 'Vi hjælper hinanden', dreamsAndWishes: 'Ro på' },
  overallGoal: { text: 'En god hverdag for familien', citizenAgreed: true },
  goals: [
    { id: 'g-family', title: 'Fælles mål for familien', status: 'in-progress', concerns: [] },
    { id: 'mor-psykiatri', title: 'Mors helbred', status: 'in-progress', concerns: [MOTHER] },
    { id: 'g-mother-sub', parentId: 'mor-psykiatri', title: 'Udredning', status: 'not-started', concerns: [] },
    { id: 'g-parents', title: 'Forældrenes samarbejde', status: 'in-progress', concerns: [MOTHER, FATHER] },
  ],
  actions: [
    { id: 'a-psych', goalId: 'mor-psykiatri', title: 'Henvist til psykiatrisk udredning', legalBasis: 'SUL-1', responsible: { kind: 'citizen' }, startDate: '2026-01-10', status: 'planned' },
    { id: 'a-inherits', goalId: 'g-mother-sub', title: 'Samtale med egen læge', legalBasis: 'SUL-1', responsible: { kind: 'citizen' }, startDate: '2026-01-12', status: 'planned' },
    { id: 'a-father-under-mother', goalId: 'mor-psykiatri', title: 'Far kører mor til udredning', legalBasis: 'SEL-85', responsible: { kind: 'citizen' }, startDate: '2026-01-12', status: 'planned', concerns: [FATHER] },
    { id: 'a-family', goalId: 'g-family', title: 'Familiebehandling', legalBasis: 'BL-32', responsible: { kind: 'citizen' }, startDate: '2026-01-15', status: 'active' },
    { id: 'a-child', goalId: 'g-family', title: 'Skolestøtte', legalBasis: 'BL-32', responsible: { kind: 'citizen' }, startDate: '2026-01-15', status: 'active', concerns: [CHILD] },
  ],
  agreements: [
    { id: 'ag-family', text: 'Spise aftensmad sammen', responsible: { kind: 'citizen' }, done: false },
    { id: 'ag-mother', text: 'Mor ringer til psykiatrien', responsible: { kind: 'citizen' }, done: false, concerns: [MOTHER], due: '2026-01-20' },
  ],
};

type Shown = ExportGoal | ExportAction | ExportAgreement;
const shown = (xs: Shown[]) => xs.flatMap((x) => (x.redacted ? [] : [x.id]));

describe('access-request redaction', () => {
  it('withholds what names only others, shows what names nobody, the reader or a child in their custody', () => {
    const withCustody = disclosureCircle(FATHER, household(null));
    const without = disclosureCircle(FATHER, household(false));
    expect(concernsOnlyOthers(withCustody, [MOTHER])).toBe(true);
    expect(concernsOnlyOthers(withCustody, [MOTHER, FATHER])).toBe(false);
    expect(concernsOnlyOthers(withCustody, [CHILD])).toBe(false);
    expect(concernsOnlyOthers(without, [CHILD])).toBe(true);
    expect(concernsOnlyOthers(withCustody, [])).toBe(false);
    expect(concernsOnlyOthers(withCustody, undefined)).toBe(false);
    // A child is told about themself, not their parents.
    expect(concernsOnlyOthers(disclosureCircle(CHILD, household(null)), [MOTHER])).toBe(true);
  });

  it("shows the father the family's goals, his own and his child's, and only opaque stubs of the mother's", () => {
    const refs = new StubRefs();
    const { content: c, redactions, hiddenActionIds } = redactPlan(disclosureCircle(FATHER, household(true)), content, refs, 'course-1');
    expect(shown(c.goals)).toEqual(['g-family', 'g-parents']);
    // A sub-goal and an action naming nobody inherit their goal's concerns; one naming the father stays.
    expect(shown(c.actions)).toEqual(['a-father-under-mother', 'a-family', 'a-child']);
    expect(shown(c.agreements)).toEqual(['ag-family']);
    const stub = c.goals.find((g) => g.redacted && g.kind === 'plan-goal');
    expect(stub).toEqual({ ref: 'udeladt-1', kind: 'plan-goal', date: null, redacted: true, reason: 'concerns-another-household-member' });
    // The father's action keeps its place, but points at the goal's stub reference, not its id.
    expect(c.actions.find((a) => !a.redacted && a.id === 'a-father-under-mother')).toMatchObject({ goalId: 'udeladt-1' });
    expect([...hiddenActionIds].sort()).toEqual(['a-inherits', 'a-psych']);
    expect(redactions).toBe(5);
    expect(JSON.stringify(c)).not.toMatch(/psykiatri|g-mother/);
    // One item keeps one reference within an export (e.g. across plan versions).
    expect(redactPlan(disclosureCircle(FATHER, household(true)), content, refs, 'course-1').content.goals).toEqual(c.goals);
  });

  it('withholds the child’s items from a parent without custody', () => {
    const { content: c } = redactPlan(disclosureCircle(FATHER, household(false)), content, new StubRefs(), 'course-1');
    expect(shown(c.actions)).toEqual(['a-father-under-mother', 'a-family']);
  });

  it('shows the mother everything of hers', () => {
    const { content: c } = redactPlan(disclosureCircle(MOTHER, household(true)), content, new StubRefs(), 'course-1');
    expect(shown(c.actions)).toEqual(['a-psych', 'a-inherits', 'a-family', 'a-child']);
    expect(JSON.stringify(c)).toContain('Henvist til psykiatrisk udredning');
  });
});
