import { cadenceRuleProblems, mergeCadence } from './cadence.js';

describe('cadence rules as extension data', () => {
  it('accepts the four rule kinds', () => {
    expect(cadenceRuleProblems({ id: 'a', meetingType: 'plan', everyDays: 60, description: 'x' })).toEqual([]);
    expect(cadenceRuleProblems({ id: 'b', meetingType: 'start-up', withinDays: 14, of: 'activation', description: 'x' })).toEqual([]);
    expect(cadenceRuleProblems({ id: 'c', meetingType: 're-review', afterDays: 182, after: 'step-up', description: 'x' })).toEqual([]);
    expect(cadenceRuleProblems({ id: 'd', meetingType: 'transition', atAgeYears: [16, 17.5], targetGroups: ['youth'], description: 'x' })).toEqual([]);
  });

  it('names what is wrong with a malformed rule', () => {
    expect(cadenceRuleProblems({ id: 'a', meetingType: 'plan', description: 'x' })).toEqual([
      'must have exactly one of everyDays, withinDays (of activation), afterDays (after a meeting type) or atAgeYears',
    ]);
    expect(cadenceRuleProblems({ id: 'a', meetingType: 'plan', everyDays: 60, afterDays: 3, after: 'x', description: 'x' })).toHaveLength(1);
    expect(cadenceRuleProblems({ id: 'c', meetingType: 're-review', afterDays: 182, description: 'x' })).toEqual(['afterDays needs after: the meeting type it counts from']);
    expect(cadenceRuleProblems({ id: 'd', meetingType: 'transition', atAgeYears: [], description: 'x' })).toEqual(['atAgeYears must be a non-empty list of ages in years']);
    expect(cadenceRuleProblems({ id: 'e', meetingType: 'plan', everyDays: 0.5, description: '' })).toEqual(['needs a description', 'everyDays must be a whole number of days, at least 1']);
  });

  it('merges contributed rules by id over the base, suppressions accumulating', () => {
    const merged = mergeCadence(
      'core+x',
      { id: 'core', rules: [{ id: 'r', meetingType: 'plan', everyDays: 60, description: 'base' }], suppressions: [] },
      { rules: [{ id: 'r', meetingType: 'plan', everyDays: 30, description: 'x' }, { id: 't', meetingType: 'transition', atAgeYears: [16], description: 'x' }], suppressions: [{ rule: 'q', legalReason: 'why' }] },
    );
    expect(merged.rules.map((r) => `${r.id}:${r.description}`)).toEqual(['r:x', 't:x']);
    expect(merged.suppressions).toEqual([{ rule: 'q', legalReason: 'why' }]);
  });
});
