import { parseDeployment } from './deployment.js';

/** The deployment file's own shape checks (what the running system must agree with is checked at start). */
describe('a deployment file’s progression schedules', () => {
  const file = (rules: unknown[]) => ({ municipalities: [{ code: '999', name: 'Demo Kommune', plugins: [], progressionSchedules: [{ targetGroup: 'adults', rules }] }] });

  it('reads a schedule, the interval optional', () => {
    const d = parseDeployment(file([{ instrumentId: 'wellbeing-ruler-adult', respondentType: 'citizen', everyMonths: 3 }, { instrumentId: 'employment-readiness', respondentType: 'caseworker' }]), 'x.json');
    expect(d.municipalities[0].progressionSchedules?.[0].rules.map((r) => [r.instrumentId, r.everyMonths])).toEqual([
      ['wellbeing-ruler-adult', 3],
      ['employment-readiness', undefined],
    ]);
  });

  it('refuses an interval outside 1–36 months, a fraction, a malformed instrument id and an unknown field, naming each', () => {
    const bad = file([
      { instrumentId: 'wellbeing-ruler-adult', respondentType: 'citizen', everyMonths: 0 },
      { instrumentId: 'wellbeing-ruler-adult', respondentType: 'citizen', everyMonths: 2.5 },
      { instrumentId: 'Wellbeing Ruler', respondentType: 'citizen', everyMonths: 37 },
      { instrumentId: 'wellbeing-ruler-adult', respondentType: 'citizen', often: true },
    ]);
    expect(() => parseDeployment(bad, 'x.json')).toThrow(
      [
        'Invalid deployment x.json:',
        '  - municipalities.0.progressionSchedules.0.rules.0.everyMonths: everyMonths must not be less than 1',
        '  - municipalities.0.progressionSchedules.0.rules.1.everyMonths: everyMonths must be an integer number',
        '  - municipalities.0.progressionSchedules.0.rules.2.instrumentId: instrumentId must be an instrument id, e.g. "wellbeing-ruler-adult"',
        '  - municipalities.0.progressionSchedules.0.rules.2.everyMonths: everyMonths must not be greater than 36',
        '  - municipalities.0.progressionSchedules.0.rules.3.often: property often should not exist',
      ].join('\n'),
    );
  });
});
