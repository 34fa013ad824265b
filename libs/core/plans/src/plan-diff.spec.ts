import type { PlanContent } from './plan-content.js';
import { diffPlans, EMPTY_PLAN_CONTENT } from './plan-diff.js';

const STAFF = '00000000-0000-4000-8000-000000000001';
const CHILD = '11111111-1111-4111-8111-111111111111';

function base(): PlanContent {
  return {
    citizenWords: { worries: 'Huslejen', whatWorks: 'Min søster', dreamsAndWishes: 'Et job i et køkken' },
    overallGoal: { text: 'Job i et køkken', citizenAgreed: true, agreedOn: '2026-01-05' },
    goals: [
      { id: 'g1', title: 'Praktik', status: 'not-started', concerns: [] },
      { id: 'g2', parentId: 'g1', title: 'Finde praktiksted', targetDate: '2026-03-01', status: 'in-progress', concerns: [] },
    ],
    actions: [
      { id: 'a1', goalId: 'g1', title: 'Mentor', legalBasis: 'LAB-167', responsible: { kind: 'staff', id: STAFF }, startDate: '2026-02-01', status: 'planned' },
    ],
    agreements: [{ id: 'ag1', text: 'Købe togbillet', responsible: { kind: 'citizen' }, due: '2026-01-30', done: false }],
  };
}

describe('diffPlans', () => {
  it('finds nothing between a content and itself', () => {
    const d = diffPlans(base(), base());
    expect(d.identical).toBe(true);
    expect(d.goals).toEqual({ added: [], removed: [], changed: [] });
    expect(d.citizenWords).toEqual([]);
  });

  it('lists added and removed items by id', () => {
    const next = base();
    next.goals.push({ id: 'g3', parentId: 'g1', title: 'Hygiejnebevis', status: 'not-started', concerns: [] });
    next.agreements = [];
    const d = diffPlans(base(), next);
    expect(d.goals.added.map((g) => g.id)).toEqual(['g3']);
    expect(d.goals.removed).toEqual([]);
    expect(d.agreements.removed.map((a) => a.id)).toEqual(['ag1']);
    expect(d.identical).toBe(false);
  });

  it('names each changed field with its before and after value', () => {
    const next = base();
    next.actions[0] = { ...next.actions[0], status: 'active', deadline: '2026-07-31', responsible: { kind: 'unit', id: STAFF } };
    next.goals[1] = { ...next.goals[1], targetDate: undefined, title: 'Finde et praktiksted' };
    const d = diffPlans(base(), next);
    expect(d.actions.changed).toEqual([
      {
        id: 'a1',
        changes: [
          { field: 'responsible', before: { kind: 'staff', id: STAFF }, after: { kind: 'unit', id: STAFF } },
          { field: 'deadline', before: null, after: '2026-07-31' },
          { field: 'status', before: 'planned', after: 'active' },
        ],
      },
    ]);
    expect(d.goals.changed).toEqual([
      {
        id: 'g2',
        changes: [
          { field: 'title', before: 'Finde praktiksted', after: 'Finde et praktiksted' },
          { field: 'targetDate', before: '2026-03-01', after: null },
        ],
      },
    ]);
  });

  it('reports the citizen’s words and the overall goal field by field', () => {
    const next = base();
    next.citizenWords.worries = 'Min søns skolegang';
    next.overallGoal = { text: 'Job i et køkken', citizenAgreed: false };
    const d = diffPlans(base(), next);
    expect(d.citizenWords).toEqual([{ field: 'worries', before: 'Huslejen', after: 'Min søns skolegang' }]);
    expect(d.overallGoal).toEqual([
      { field: 'citizenAgreed', before: true, after: false },
      { field: 'agreedOn', before: '2026-01-05', after: null },
    ]);
  });

  it('ignores the order of concerns and of object keys', () => {
    const a = base();
    a.goals[0].concerns = [STAFF, CHILD];
    const b = base();
    b.goals[0].concerns = [CHILD, STAFF];
    b.actions[0].responsible = { id: STAFF, kind: 'staff' };
    expect(diffPlans(a, b).identical).toBe(true);
  });

  it('treats an item whose id changed as one removed and one added', () => {
    const next = base();
    next.agreements[0] = { ...next.agreements[0], id: 'ag2' };
    const d = diffPlans(base(), next);
    expect(d.agreements.added.map((a) => a.id)).toEqual(['ag2']);
    expect(d.agreements.removed.map((a) => a.id)).toEqual(['ag1']);
    expect(d.agreements.changed).toEqual([]);
  });

  it('shows the first version as everything added to the empty plan', () => {
    const d = diffPlans(EMPTY_PLAN_CONTENT, base());
    expect(d.goals.added).toHaveLength(2);
    expect(d.actions.added).toHaveLength(1);
    expect(d.agreements.added).toHaveLength(1);
    expect(d.overallGoal.map((c) => c.field)).toEqual(['text', 'citizenAgreed', 'agreedOn']);
  });
});
