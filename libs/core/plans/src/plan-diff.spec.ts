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
  it('shows a change of whom a goal concerns, as sorted sets', () => {
    const next = base();
    next.goals[0].concerns = [STAFF, CHILD];
    const d = diffPlans(base(), next);
    expect(d.goals.changed).toEqual([{ id: 'g1', changes: [{ field: 'concerns', before: [], after: [STAFF, CHILD].sort() }] }]);
    expect(d.identical).toBe(false);
    const back = diffPlans(next, base());
    expect(back.goals.changed).toEqual([{ id: 'g1', changes: [{ field: 'concerns', before: [STAFF, CHILD].sort(), after: [] }] }]);
  });

  it('shows one member taken off an item’s concerns', () => {
    const a = base();
    a.goals[0].concerns = [STAFF, CHILD];
    const b = base();
    b.goals[0].concerns = [CHILD];
    expect(diffPlans(a, b).goals.changed).toEqual([{ id: 'g1', changes: [{ field: 'concerns', before: [STAFF, CHILD].sort(), after: [CHILD] }] }]);
  });

  it('names each changed field of an agreement', () => {
    const next = base();
    next.agreements[0] = { ...next.agreements[0], text: 'Købe månedskort', responsible: { kind: 'staff', id: STAFF }, due: undefined, done: true };
    const d = diffPlans(base(), next);
    expect(d.agreements.changed).toEqual([
      {
        id: 'ag1',
        changes: [
          { field: 'text', before: 'Købe togbillet', after: 'Købe månedskort' },
          { field: 'responsible', before: { kind: 'citizen' }, after: { kind: 'staff', id: STAFF } },
          { field: 'due', before: '2026-01-30', after: null },
          { field: 'done', before: false, after: true },
        ],
      },
    ]);
    expect(d.agreements.added).toEqual([]);
    expect(d.agreements.removed).toEqual([]);
    expect(d.identical).toBe(false);
  });

  it('names a goal moved under another parent and an action moved to another goal', () => {
    const next = base();
    next.goals[1] = { ...next.goals[1], parentId: undefined, status: 'achieved' };
    next.actions[0] = { ...next.actions[0], goalId: 'g2', title: 'Mentorordning', legalBasis: 'LAB-168', startDate: '2026-02-02' };
    const d = diffPlans(base(), next);
    expect(d.goals.changed).toEqual([
      {
        id: 'g2',
        changes: [
          { field: 'parentId', before: 'g1', after: null },
          { field: 'status', before: 'in-progress', after: 'achieved' },
        ],
      },
    ]);
    expect(d.actions.changed).toEqual([
      {
        id: 'a1',
        changes: [
          { field: 'goalId', before: 'g1', after: 'g2' },
          { field: 'title', before: 'Mentor', after: 'Mentorordning' },
          { field: 'legalBasis', before: 'LAB-167', after: 'LAB-168' },
          { field: 'startDate', before: '2026-02-01', after: '2026-02-02' },
        ],
      },
    ]);
  });

  it('is not identical when only one part changed', () => {
    const onlyWords = base();
    onlyWords.citizenWords.dreamsAndWishes = 'Et kørekort';
    expect(diffPlans(base(), onlyWords)).toEqual(expect.objectContaining({ identical: false, citizenWords: [{ field: 'dreamsAndWishes', before: 'Et job i et køkken', after: 'Et kørekort' }] }));
    const onlyGoal = base();
    onlyGoal.overallGoal.text = 'Job i en kantine';
    expect(diffPlans(base(), onlyGoal)).toEqual(expect.objectContaining({ identical: false, overallGoal: [{ field: 'text', before: 'Job i et køkken', after: 'Job i en kantine' }] }));
    const onlyGoals = base();
    onlyGoals.goals[0].title = 'Praktik i et køkken';
    expect(diffPlans(base(), onlyGoals).identical).toBe(false);
    const goalRemoved = base();
    goalRemoved.goals.pop();
    expect(diffPlans(base(), goalRemoved).identical).toBe(false);
    const onlyActions = base();
    onlyActions.actions[0].status = 'done';
    expect(diffPlans(base(), onlyActions).identical).toBe(false);
    const actionAdded = base();
    actionAdded.actions.push({ ...actionAdded.actions[0], id: 'a2' });
    expect(diffPlans(base(), actionAdded).identical).toBe(false);
    const actionRemoved = base();
    actionRemoved.actions = [];
    expect(diffPlans(base(), actionRemoved).identical).toBe(false);
    const agreementAdded = base();
    agreementAdded.agreements.push({ ...agreementAdded.agreements[0], id: 'ag2' });
    expect(diffPlans(base(), agreementAdded).identical).toBe(false);
    const agreementChanged = base();
    agreementChanged.agreements[0].done = true;
    expect(diffPlans(base(), agreementChanged).identical).toBe(false);
  });

  it('compares values deeply: a missing field and an undefined one are the same, a different shape is not', () => {
    const a = base();
    a.agreements[0].responsible = { kind: 'citizen', id: undefined };
    expect(diffPlans(a, base()).identical).toBe(true);
    expect(diffPlans(base(), a).identical).toBe(true);
    const extraKey = base();
    extraKey.agreements[0].responsible = { kind: 'citizen', id: STAFF };
    expect(diffPlans(base(), extraKey).agreements.changed).toEqual([
      { id: 'ag1', changes: [{ field: 'responsible', before: { kind: 'citizen' }, after: { kind: 'citizen', id: STAFF } }] },
    ]);
    const longer = base();
    longer.goals[0].concerns = [CHILD];
    const withMore = base();
    withMore.goals[0].concerns = [CHILD, STAFF];
    expect(diffPlans(longer, withMore).identical).toBe(false);
    const other = base();
    other.goals[0].concerns = [STAFF];
    expect(diffPlans(longer, other).identical).toBe(false);
    // A value that became an array (or null) is a change, not "the same object".
    const asArray = base();
    (asArray.actions[0] as unknown as { responsible: unknown }).responsible = [STAFF];
    expect(diffPlans(base(), asArray).identical).toBe(false);
    const asNull = base();
    (asNull.actions[0] as unknown as { responsible: unknown }).responsible = null;
    expect(diffPlans(base(), asNull).actions.changed).toEqual([{ id: 'a1', changes: [{ field: 'responsible', before: { kind: 'staff', id: STAFF }, after: null }] }]);
    expect(diffPlans(asNull, base()).identical).toBe(false);
    // Only `concerns` is a set: any other list keeps its order, so a reordering is a change.
    const ordered = base();
    (ordered.actions[0] as unknown as { responsible: unknown }).responsible = [CHILD, STAFF];
    const reordered = base();
    (reordered.actions[0] as unknown as { responsible: unknown }).responsible = [STAFF, CHILD];
    expect(diffPlans(ordered, reordered).identical).toBe(false);
    // A text and an object, or an object and a text, are not the same value.
    const asText = base();
    (asText.actions[0] as unknown as { responsible: unknown }).responsible = 'kind';
    expect(diffPlans(asText, base()).identical).toBe(false);
    expect(diffPlans(base(), asText).identical).toBe(false);
  });

  it('lists everything of the first version as added, the citizen’s words from empty', () => {
    const d = diffPlans(EMPTY_PLAN_CONTENT, base());
    expect(d.citizenWords).toEqual([
      { field: 'worries', before: '', after: 'Huslejen' },
      { field: 'whatWorks', before: '', after: 'Min søster' },
      { field: 'dreamsAndWishes', before: '', after: 'Et job i et køkken' },
    ]);
    expect(d.overallGoal).toEqual([
      { field: 'text', before: '', after: 'Job i et køkken' },
      { field: 'citizenAgreed', before: false, after: true },
      { field: 'agreedOn', before: null, after: '2026-01-05' },
    ]);
    expect(d.goals).toEqual({ added: base().goals, removed: [], changed: [] });
    expect(EMPTY_PLAN_CONTENT).toEqual({ citizenWords: { worries: '', whatWorks: '', dreamsAndWishes: '' }, overallGoal: { text: '', citizenAgreed: false }, goals: [], actions: [], agreements: [] });
  });
});
