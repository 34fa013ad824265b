import type { PlanContent } from '@enplan/core/plans';
import { concernsOnlyOthers, redactPlan } from './redaction.js';

const MOTHER = 'aaaaaaaa-0000-4000-8000-000000000001';
const FATHER = 'aaaaaaaa-0000-4000-8000-000000000002';
const CHILD = 'aaaaaaaa-0000-4000-8000-000000000003';

const content: PlanContent = {
  citizenWords: { worries: 'Økonomien', whatWorks: 'Vi hjælper hinanden', dreamsAndWishes: 'Ro på' },
  overallGoal: { text: 'En god hverdag for familien', citizenAgreed: true },
  goals: [
    { id: 'g-family', title: 'Fælles mål for familien', status: 'in-progress', concerns: [] },
    { id: 'g-mother', title: 'Mors helbred', status: 'in-progress', concerns: [MOTHER] },
    { id: 'g-mother-sub', parentId: 'g-mother', title: 'Udredning', status: 'not-started', concerns: [] },
    { id: 'g-parents', title: 'Forældrenes samarbejde', status: 'in-progress', concerns: [MOTHER, FATHER] },
  ],
  actions: [
    { id: 'a-psych', goalId: 'g-mother', title: 'Henvist til psykiatrisk udredning', legalBasis: 'SUL-1', responsible: { kind: 'citizen' }, startDate: '2026-01-10', status: 'planned' },
    { id: 'a-inherits', goalId: 'g-mother-sub', title: 'Samtale med egen læge', legalBasis: 'SUL-1', responsible: { kind: 'citizen' }, startDate: '2026-01-12', status: 'planned' },
    { id: 'a-father-under-mother', goalId: 'g-mother', title: 'Far kører mor til udredning', legalBasis: 'SEL-85', responsible: { kind: 'citizen' }, startDate: '2026-01-12', status: 'planned', concerns: [FATHER] },
    { id: 'a-family', goalId: 'g-family', title: 'Familiebehandling', legalBasis: 'BL-32', responsible: { kind: 'citizen' }, startDate: '2026-01-15', status: 'active' },
    { id: 'a-child', goalId: 'g-family', title: 'Skolestøtte', legalBasis: 'BL-32', responsible: { kind: 'citizen' }, startDate: '2026-01-15', status: 'active', concerns: [CHILD] },
  ],
  agreements: [
    { id: 'ag-family', text: 'Spise aftensmad sammen', responsible: { kind: 'citizen' }, done: false },
    { id: 'ag-mother', text: 'Mor ringer til psykiatrien', responsible: { kind: 'citizen' }, done: false, concerns: [MOTHER], due: '2026-01-20' },
  ],
};

describe('access-request redaction', () => {
  it('withholds what names only others, shows what names nobody or the citizen', () => {
    expect(concernsOnlyOthers(FATHER, [MOTHER])).toBe(true);
    expect(concernsOnlyOthers(FATHER, [MOTHER, FATHER])).toBe(false);
    expect(concernsOnlyOthers(FATHER, [])).toBe(false);
    expect(concernsOnlyOthers(FATHER, undefined)).toBe(false);
  });

  it("shows the father the family's goals and his own, and only stubs of the mother's", () => {
    const { content: c, redactions, hiddenActionIds } = redactPlan(FATHER, content);
    const shown = (xs: { id: string; redacted: boolean }[]) => xs.filter((x) => !x.redacted).map((x) => x.id);
    expect(shown(c.goals)).toEqual(['g-family', 'g-parents']);
    // A sub-goal and an action naming nobody inherit their goal's concerns; one naming the father stays.
    expect(shown(c.actions)).toEqual(['a-father-under-mother', 'a-family']);
    expect(shown(c.agreements)).toEqual(['ag-family']);
    expect(c.actions.find((a) => a.id === 'a-psych')).toEqual({ id: 'a-psych', kind: 'plan-action', date: '2026-01-10', redacted: true, reason: 'concerns-another-household-member' });
    expect(c.agreements.find((a) => a.id === 'ag-mother')).toEqual({ id: 'ag-mother', kind: 'plan-agreement', date: '2026-01-20', redacted: true, reason: 'concerns-another-household-member' });
    expect([...hiddenActionIds].sort()).toEqual(['a-child', 'a-inherits', 'a-psych']);
    expect(redactions).toBe(6);
    expect(JSON.stringify(c)).not.toContain('psykiatri');
    expect(c.citizenWords).toEqual(content.citizenWords);
  });

  it('shows the mother everything of hers', () => {
    const { content: c } = redactPlan(MOTHER, content);
    expect(c.actions.filter((a) => !a.redacted).map((a) => a.id)).toEqual(['a-psych', 'a-inherits', 'a-family']);
    expect(JSON.stringify(c)).toContain('Henvist til psykiatrisk udredning');
  });
});
