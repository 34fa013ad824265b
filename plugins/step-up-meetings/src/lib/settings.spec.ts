import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { danishDate, renderAgreementHtml } from './agreement.html.js';
import { StepUpMeetingsSettings } from './settings.js';

const validate = (raw: object) => {
  const value = plainToInstance(StepUpMeetingsSettings, raw, { exposeDefaultValues: true });
  return { value, errors: validateSync(value, { whitelist: true, forbidNonWhitelisted: true }).map((e) => e.property) };
};

describe('settings', () => {
  it("default to Esbjerg's model", () => {
    const { value, errors } = validate({});
    expect(errors).toEqual([]);
    expect({ ...value }).toEqual({
      minYearsOnBenefit: 8,
      targetGroups: ['adults'],
      benefitCategories: ['cash-benefit-activity-ready'],
      preparationDays: 30,
      materialDaysBefore: 7,
      reReviewAfterMonths: 6,
    });
  });

  it('take a municipality’s own criterion', () => {
    const { value, errors } = validate({ minYearsOnBenefit: 5, targetGroups: ['adults', 'youth'], reReviewAfterMonths: 3 });
    expect(errors).toEqual([]);
    expect(value.minYearsOnBenefit).toBe(5);
    expect(value.targetGroups).toEqual(['adults', 'youth']);
  });

  it('refuse nonsense, naming the setting', () => {
    expect(validate({ minYearsOnBenefit: -1 }).errors).toEqual(['minYearsOnBenefit']);
    expect(validate({ targetGroups: ['pensioners'] }).errors).toEqual(['targetGroups']);
    expect(validate({ targetGroups: [] }).errors).toEqual(['targetGroups']);
    expect(validate({ benefitCategories: ['lottery'] }).errors).toEqual(['benefitCategories']);
    expect(validate({ preparationDays: 0, materialDaysBefore: 1.5, reReviewAfterMonths: 48 }).errors).toEqual(['preparationDays', 'materialDaysBefore', 'reReviewAfterMonths']);
    expect(validate({ chairRequired: false }).errors).toEqual(['chairRequired']);
  });
});

describe('the agreement document', () => {
  const doc = {
    citizenName: 'Lene <Sørensen>',
    chairName: 'Mødeleder Mette',
    jobConsultantName: 'Jobkonsulent Jens',
    meetingHeldOn: '2026-02-11',
    reReviewDueOn: '2026-08-11',
    agreement: {
      nextStep: 'Praktik i køkkenet på Plejecenter Storegade',
      responsible: 'Jobkonsulenten',
      nextStepDueOn: '2026-03-02',
      actions: [
        { text: 'Lægeerklæring om ryggen', responsible: 'Borgeren' },
        { text: 'Praktik 10 timer om ugen', responsible: 'Jobkonsulenten' },
      ],
      direction: 'flex-job' as const,
      citizenSignedOn: '2026-02-11',
      chairSignedOn: '2026-02-11',
      jobConsultantSignedOn: '2026-02-12',
      agreedOn: '2026-02-12',
    },
  };

  it('writes dates the Danish way', () => {
    expect(danishDate('2026-02-11')).toBe('11. februar 2026');
    expect(danishDate(null)).toBe('–');
  });

  it('is a Danish document with the next step, the order of actions, the re-review and three signatures, every value escaped', () => {
    const html = renderAgreementHtml(doc);
    expect(html).toContain('<html lang="da">');
    expect(html).toContain('Aftaledokument');
    expect(html).toContain('Aftalt på step-up-mødet 11. februar 2026 med Lene &lt;Sørensen&gt;.');
    expect(html).not.toContain('<Sørensen>');
    expect(html).toContain('Praktik i køkkenet på Plejecenter Storegade');
    expect(html).toContain('Dato: 2. marts 2026');
    expect(html.indexOf('Lægeerklæring')).toBeLessThan(html.indexOf('Praktik 10 timer'));
    expect(html).toContain('<strong>fleksjob</strong>');
    expect(html).toContain('senest 11. august 2026');
    for (const [role, name, on] of [['Borger', 'Lene &lt;Sørensen&gt;', '11. februar 2026'], ['Mødeleder', 'Mødeleder Mette', '11. februar 2026'], ['Jobkonsulent', 'Jobkonsulent Jens', '12. februar 2026']]) {
      expect(html).toContain(`<tr><th scope="row">${role}</th><td>${name}</td><td>Underskrevet ${on}</td></tr>`);
    }
  });
});
