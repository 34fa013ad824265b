import type { ProgressionScheduleSetting } from '@enplan/core/config';
import { DEFAULT_SCHEDULES, nextDue, scheduleFor } from './schedule.js';

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

describe('nextDue: an instrument about a child is due once per child', () => {
  const course = { id: 'c1', municipalityId: 'm1', status: 'active', citizenId: 'mum', householdId: 'h1', modelId: 'generic', targetGroup: 'families', activatedOn: '2026-03-02' } as const;
  const rules = [{ instrumentId: 'home-kids', respondentType: 'parent' as const, everyMonths: 4 }];

  it('per child when the instrument (here a municipality’s own) is about a child, else about the course’s citizen', () => {
    const about = (subject: 'child' | 'citizen') => nextDue(course, rules, ['kid-a', 'kid-b'], [], new Map([['home-kids', subject]])).map((d) => [d.aboutCitizenId, d.occasion, d.dueOn]);
    expect(about('child')).toEqual([
      ['kid-a', 'baseline', '2026-03-02'],
      ['kid-b', 'baseline', '2026-03-02'],
    ]);
    expect(about('citizen')).toEqual([['mum', 'baseline', '2026-03-02']]);
  });

  it('counts a child’s completed baseline for that child only, the next one due after the interval', () => {
    const taken = [{ courseId: 'c1', instrumentId: 'home-kids', respondentType: 'parent' as const, aboutCitizenId: 'kid-a', occasion: 'baseline' as const, completedAt: new Date('2026-03-10T10:00:00Z') }];
    expect(nextDue(course, rules, ['kid-a', 'kid-b'], taken, new Map([['home-kids', 'child']])).map((d) => [d.aboutCitizenId, d.occasion, d.dueOn])).toEqual([
      ['kid-a', 'follow-up', '2026-07-10'],
      ['kid-b', 'baseline', '2026-03-02'],
    ]);
  });
});
