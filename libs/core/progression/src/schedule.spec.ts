import type { ProgressionScheduleSetting } from '@enplan/core/config';
import { DEFAULT_SCHEDULES, scheduleFor } from './schedule.js';

describe('scheduleFor: which schedule a course follows', () => {
  const own: ProgressionScheduleSetting[] = [
    { targetGroup: 'adults', rules: [{ instrumentId: 'wellbeing-ruler-adult', respondentType: 'citizen' }] },
    { targetGroup: 'adults', model: 'paired-caseworkers', rules: [{ instrumentId: 'employment-readiness', respondentType: 'caseworker', everyMonths: 4 }] },
    { targetGroup: 'youth', rules: [] },
  ];

  it('takes the municipality’s schedule for the model and target group first', () => {
    expect(scheduleFor('paired-caseworkers', 'adults', own)).toEqual([{ instrumentId: 'employment-readiness', respondentType: 'caseworker', everyMonths: 4 }]);
  });

  it('then the municipality’s for the target group, the interval defaulting to 6 months', () => {
    expect(scheduleFor('generic', 'adults', own)).toEqual([{ instrumentId: 'wellbeing-ruler-adult', respondentType: 'citizen', everyMonths: 6 }]);
  });

  it('reads an empty list as no scheduled measurement, and falls back to the default where the municipality says nothing', () => {
    expect(scheduleFor('generic', 'youth', own)).toEqual([]);
    expect(scheduleFor('generic', 'families', own)).toEqual(DEFAULT_SCHEDULES.families);
    expect(scheduleFor('paired-caseworkers', 'families')).toEqual(DEFAULT_SCHEDULES.families);
  });
});
