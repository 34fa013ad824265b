import type { PlanContent } from './plan-content.js';
import { validatePlanContent, type PlanReferences } from './plan-content.validator.js';

const STAFF = '00000000-0000-4000-8000-000000000001';
const UNIT = '00000000-0000-4000-8000-0000000000aa';
const CITIZEN = '00000000-0000-4000-8000-0000000000c1';

const refs: PlanReferences = {
  legalBases: new Set(['SEL-85', 'LAB-57']),
  staffIds: new Set([STAFF]),
  unitIds: new Set([UNIT]),
  citizenIds: new Set([CITIZEN]),
};

function valid(): PlanContent {
  return {
    citizenWords: { worries: '', whatWorks: '', dreamsAndWishes: '' },
    overallGoal: { text: 'Job', citizenAgreed: true },
    goals: [
      { id: 'g1', title: 'A', status: 'not-started', concerns: [CITIZEN] },
      { id: 'g2', parentId: 'g1', title: 'B', status: 'not-started', concerns: [] },
    ],
    actions: [{ id: 'a1', goalId: 'g2', title: 'Støtte', legalBasis: 'SEL-85', responsible: { kind: 'unit', id: UNIT }, startDate: '2026-02-01', deadline: '2026-02-01', status: 'planned' }],
    agreements: [{ id: 'ag1', text: 'Billet', responsible: { kind: 'citizen' }, done: false }],
  };
}

const check = (c: PlanContent, publishing = true) => validatePlanContent(c, refs, { publishing, today: '2026-01-05' }).map((p) => [p.field, p.code]);

describe('validatePlanContent', () => {
  it('accepts a consistent content', () => {
    expect(check(valid())).toEqual([]);
  });

  it('refuses an overall goal agreed on a day still to come, and accepts today', () => {
    const c = valid();
    c.overallGoal.agreedOn = '2026-01-06';
    expect(check(c, false)).toEqual([['content.overallGoal.agreedOn', 'plan.agreed-in-future']]);
    c.overallGoal.agreedOn = '2026-01-05';
    expect(check(c, false)).toEqual([]);
  });

  it('finds ids used twice, across goals, actions and agreements', () => {
    const c = valid();
    c.agreements[0].id = 'g1';
    expect(check(c)).toEqual([['content.agreements[0].id', 'plan.duplicate-id']]);
  });

  it('rejects a parent that is not a goal of the same content, and cycles', () => {
    const c = valid();
    c.goals[1].parentId = 'g-elsewhere';
    expect(check(c)).toEqual([['content.goals[1].parentId', 'plan.goal-parent-unknown']]);
    const cyc = valid();
    cyc.goals[0].parentId = 'g2';
    expect(check(cyc)).toEqual([
      ['content.goals[0].parentId', 'plan.goal-cycle'],
      ['content.goals[1].parentId', 'plan.goal-cycle'],
    ]);
    const self = valid();
    self.goals[0].parentId = 'g1';
    expect(check(self)).toEqual([['content.goals[0].parentId', 'plan.goal-cycle']]);
  });

  it('checks the action’s goal, legal basis, responsible and dates', () => {
    const c = valid();
    c.actions[0] = { ...c.actions[0], goalId: 'nope', legalBasis: 'SEL-999', responsible: { kind: 'staff', id: UNIT }, deadline: '2026-01-31' };
    expect(check(c)).toEqual([
      ['content.actions[0].goalId', 'plan.action-goal-unknown'],
      ['content.actions[0].legalBasis', 'plan.legal-basis-unknown'],
      ['content.actions[0].responsible.id', 'plan.responsible-unknown'],
      ['content.actions[0].deadline', 'plan.dates-out-of-order'],
    ]);
  });

  it('wants an id for staff and units, and none for the citizen', () => {
    const c = valid();
    c.actions[0].responsible = { kind: 'staff' };
    c.agreements[0].responsible = { kind: 'citizen', id: STAFF };
    expect(check(c)).toEqual([
      ['content.actions[0].responsible.id', 'plan.responsible-id-missing'],
      ['content.agreements[0].responsible.id', 'plan.responsible-id-unexpected'],
    ]);
  });

  it('only lets a goal concern the course’s citizens', () => {
    const c = valid();
    c.goals[1].concerns = [STAFF];
    expect(check(c)).toEqual([['content.goals[1].concerns[0]', 'plan.concerns-unknown']]);
  });

  it('requires the overall goal and the citizen’s yes to publish, not to save a draft', () => {
    const c = valid();
    c.overallGoal = { text: '  ', citizenAgreed: false };
    expect(check(c, false)).toEqual([]);
    expect(check(c, true)).toEqual([
      ['content.overallGoal.text', 'plan.overall-goal-missing'],
      ['content.overallGoal.citizenAgreed', 'plan.citizen-agreement-missing'],
    ]);
  });
});
