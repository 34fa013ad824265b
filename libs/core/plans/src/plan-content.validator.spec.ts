import type { PlanContent } from './plan-content.js';
import { referencedResponsibles, validatePlanContent, type PlanReferences } from './plan-content.validator.js';

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
  it('keeps an authority-only item to items that name their legal area (an action’s follows from its legal basis)', () => {
    const c = valid();
    c.goals[0].visibility = 'authority';
    c.agreements[0].visibility = 'authority';
    c.actions[0].visibility = 'authority';
    expect(validatePlanContent(c, refs, { publishing: false, today: '2026-01-05' })).toEqual([
      { field: 'content.goals[0].legalArea', code: 'plan.visibility-needs-area', message: 'An item visible to authority holders only must name its legal area' },
      { field: 'content.agreements[0].legalArea', code: 'plan.visibility-needs-area', message: 'An item visible to authority holders only must name its legal area' },
    ]);
    c.goals[0].legalArea = 'social-adults';
    c.agreements[0].legalArea = 'employment';
    expect(check(c)).toEqual([]);
  });

  it('wants a member-only item to name the members it concerns', () => {
    const c = valid();
    c.goals[1].visibility = 'member';
    c.actions[0].visibility = 'member';
    c.agreements[0].visibility = 'member';
    expect(validatePlanContent(c, refs, { publishing: false, today: '2026-01-05' })).toEqual([
      { field: 'content.goals[1].concerns', code: 'plan.visibility-needs-concerns', message: 'An item visible to the members concerned must name them in concerns' },
      { field: 'content.actions[0].concerns', code: 'plan.visibility-needs-concerns', message: 'An item visible to the members concerned must name them in concerns' },
      { field: 'content.agreements[0].concerns', code: 'plan.visibility-needs-concerns', message: 'An item visible to the members concerned must name them in concerns' },
    ]);
    c.goals[1].concerns = [CITIZEN];
    c.actions[0].concerns = [CITIZEN];
    c.agreements[0].concerns = [CITIZEN];
    expect(check(c)).toEqual([]);
    // A team-visible or authority item without concerns needs none.
    c.goals[0] = { ...c.goals[0], visibility: 'team', concerns: [] };
    expect(check(c)).toEqual([]);
  });

  it('only lets actions and agreements concern the course’s citizens, naming the entry', () => {
    const c = valid();
    c.actions[0].concerns = [CITIZEN, STAFF];
    c.agreements[0].concerns = [UNIT];
    expect(validatePlanContent(c, refs, { publishing: true, today: '2026-01-05' })).toEqual([
      { field: 'content.actions[0].concerns[1]', code: 'plan.concerns-unknown', message: 'concerns must name the course’s citizen or a member of its household' },
      { field: 'content.agreements[0].concerns[0]', code: 'plan.concerns-unknown', message: 'concerns must name the course’s citizen or a member of its household' },
    ]);
  });

  it('finds a duplicate id among goals, among actions and among agreements, naming the id', () => {
    const c = valid();
    c.goals[1].id = 'g1';
    c.goals[1].parentId = undefined;
    c.actions.push({ ...c.actions[0], goalId: 'g1' });
    c.agreements.push({ ...c.agreements[0] });
    expect(validatePlanContent(c, refs, { publishing: true, today: '2026-01-05' })).toEqual([
      { field: 'content.goals[1].id', code: 'plan.duplicate-id', message: 'The id "g1" is used more than once; ids are unique across goals, actions and agreements' },
      { field: 'content.actions[1].id', code: 'plan.duplicate-id', message: 'The id "a1" is used more than once; ids are unique across goals, actions and agreements' },
      { field: 'content.agreements[1].id', code: 'plan.duplicate-id', message: 'The id "ag1" is used more than once; ids are unique across goals, actions and agreements' },
      // The second a1 names goal g1, which exists; its goal g2 is gone, so only the first action's goal is unknown.
      { field: 'content.actions[0].goalId', code: 'plan.action-goal-unknown', message: 'goalId must name a goal of the same plan' },
    ]);
  });

  it('names what is wrong with a responsible in words a caseworker reads', () => {
    const c = valid();
    c.actions[0].responsible = { kind: 'unit' };
    c.agreements[0].responsible = { kind: 'unit', id: STAFF };
    c.actions.push({ ...c.actions[0], id: 'a2', responsible: { kind: 'staff', id: 'ukendt' } });
    c.agreements.push({ ...c.agreements[0], id: 'ag2', responsible: { kind: 'staff', id: STAFF } });
    c.agreements.push({ ...c.agreements[0], id: 'ag3', responsible: { kind: 'unit', id: UNIT } });
    expect(validatePlanContent(c, refs, { publishing: true, today: '2026-01-05' })).toEqual([
      { field: 'content.actions[0].responsible.id', code: 'plan.responsible-id-missing', message: 'id is required when a unit is responsible' },
      { field: 'content.actions[1].responsible.id', code: 'plan.responsible-unknown', message: 'id does not name a staff member of your municipality' },
      { field: 'content.agreements[0].responsible.id', code: 'plan.responsible-unknown', message: 'id does not name a unit of your municipality' },
    ]);
    c.actions[0].responsible = { kind: 'staff' };
    expect(validatePlanContent(c, refs, { publishing: true, today: '2026-01-05' })[0].message).toBe('id is required when a staff member is responsible');
  });

  it('prefixes every field with the given root, and says why publishing is refused', () => {
    const c = valid();
    c.overallGoal = { text: '', citizenAgreed: false, agreedOn: '2026-02-01' };
    expect(validatePlanContent(c, refs, { publishing: true, today: '2026-01-05', root: 'draft' })).toEqual([
      { field: 'draft.overallGoal.agreedOn', code: 'plan.agreed-in-future', message: 'agreedOn must not be in the future' },
      { field: 'draft.overallGoal.text', code: 'plan.overall-goal-missing', message: 'A plan is published with an overall goal, in the citizen’s words' },
      { field: 'draft.overallGoal.citizenAgreed', code: 'plan.citizen-agreement-missing', message: 'The citizen must actively say yes to the overall goal before the plan is published' },
    ]);
  });

  it('explains the goal tree problems, and accepts an action without deadline', () => {
    const c = valid();
    c.goals.push({ id: 'g3', parentId: 'g4', title: 'C', status: 'not-started', concerns: [] }, { id: 'g4', parentId: 'g3', title: 'D', status: 'not-started', concerns: [] });
    c.goals[1].parentId = 'g9';
    delete c.actions[0].deadline;
    expect(validatePlanContent(c, refs, { publishing: true, today: '2026-01-05' })).toEqual([
      { field: 'content.goals[1].parentId', code: 'plan.goal-parent-unknown', message: 'parentId must name a goal of the same plan' },
      { field: 'content.goals[2].parentId', code: 'plan.goal-cycle', message: 'The goal is (indirectly) its own parent' },
      { field: 'content.goals[3].parentId', code: 'plan.goal-cycle', message: 'The goal is (indirectly) its own parent' },
    ]);
  });

  it('accepts a long chain of goals that is no cycle', () => {
    const c = valid();
    c.goals = ['g1', 'g2', 'g3', 'g4'].map((id, i) => ({ id, parentId: i ? `g${i}` : undefined, title: id, status: 'not-started' as const, concerns: [] }));
    expect(check(c)).toEqual([]);
  });
});

describe('referencedResponsibles', () => {
  it('collects the staff and unit ids named as responsible in actions and agreements, not the citizen', () => {
    const c = valid();
    c.actions.push({ ...c.actions[0], id: 'a2', responsible: { kind: 'staff', id: STAFF } });
    c.agreements.push({ ...c.agreements[0], id: 'ag2', responsible: { kind: 'unit', id: 'u2' } }, { ...c.agreements[0], id: 'ag3', responsible: { kind: 'staff', id: 's2' } });
    c.agreements.push({ ...c.agreements[0], id: 'ag4', responsible: { kind: 'staff' } });
    c.agreements[0].responsible = { kind: 'citizen', id: CITIZEN };
    expect(referencedResponsibles(c)).toEqual({ staffIds: new Set([STAFF, 's2']), unitIds: new Set([UNIT, 'u2']) });
  });
});
