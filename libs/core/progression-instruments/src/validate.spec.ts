import type { InstrumentDefinition } from './definition.js';
import { validateDefinition } from './validate.js';
import { checkAnswers, respondentAllowed } from './answers.js';
import { shippedInstruments, SHIPPED_INSTRUMENT_IDS } from './shipped.js';

const t = (s: string) => ({ da: s, en: s });
function minimal(): InstrumentDefinition {
  return {
    format: 1,
    id: 'mini',
    version: 1,
    title: t('Mini'),
    subject: 'citizen',
    respondents: [{ type: 'citizen' }],
    better: 'higher',
    minimumAnsweredShare: 0.5,
    scales: [{ id: 'yn', options: [{ value: 0, label: t('Nej') }, { value: 1, label: t('Ja') }] }],
    items: [
      { kind: 'choice', id: 'a', text: t('A'), scale: 'yn' },
      { kind: 'ruler', id: 'b', text: t('B'), min: 0, max: 10, minLabel: t('0'), maxLabel: t('10') },
      { kind: 'text', id: 'c', text: t('C') },
    ],
    subscales: [{ id: 'main', title: t('Main'), items: ['a', 'b'], method: 'sum' }],
  };
}

describe('validateDefinition', () => {
  it('accepts every shipped instrument and the minimal one', () => {
    expect(shippedInstruments().map((d) => d.id)).toEqual([...SHIPPED_INSTRUMENT_IDS]);
    expect(validateDefinition(minimal()).ok).toBe(true);
  });

  it('catches a scoring rule that refers to a missing item, naming the field', () => {
    const def = minimal();
    def.subscales[0].items = ['a', 'gone'];
    expect(validateDefinition(def)).toEqual({ ok: false, issues: [{ code: 'instrument.item-unknown', field: 'subscales[0].items[1]', message: 'no item "gone"' }] });
  });

  it('catches a total naming a missing sub-scale, a text item in a score, an unknown scale and duplicate ids, all at once', () => {
    const def = minimal();
    def.totals = [{ id: 'all', title: t('All'), method: 'sum-of-subscales', subscales: ['main', 'nope'] }];
    def.subscales.push({ id: 'words', title: t('W'), items: ['c'], method: 'mean' });
    def.items.push({ kind: 'choice', id: 'a', text: t('A again'), scale: 'missing' });
    const r = validateDefinition(def);
    expect(r.ok).toBe(false);
    const issues = r.ok ? [] : r.issues.map((i) => [i.code, i.field]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['instrument.subscale-unknown', 'totals[0].subscales[1]'],
        ['instrument.item-not-scored', 'subscales[1].items[0]'],
        ['instrument.scale-unknown', 'items[3].scale'],
        ['instrument.duplicate-id', 'items[3].id'],
      ]),
    );
  });

  it('refuses bad shapes through the JSON Schema, naming the field', () => {
    const wrongKind = { ...minimal(), items: [{ kind: 'slider', id: 'a', text: t('A') }] };
    const r1 = validateDefinition(wrongKind);
    expect(r1.ok).toBe(false);
    expect(r1.ok ? [] : r1.issues[0]).toMatchObject({ code: 'instrument.schema', field: 'items[0].kind' });
    const noTitle: Record<string, unknown> = { ...minimal() };
    delete noTitle['title'];
    const r2 = validateDefinition(noTitle);
    expect(r2.ok ? [] : r2.issues).toEqual([expect.objectContaining({ code: 'instrument.schema', field: 'title' })]);
    expect(validateDefinition('not json').ok).toBe(false);
    expect(validateDefinition({ ...minimal(), id: 'Bad Id' }).ok).toBe(false);
  });

  it('needs a minimum age for youth self-report and a child subject for parent answers', () => {
    const def = minimal();
    def.respondents = [{ type: 'parent' }];
    const r = validateDefinition(def);
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['instrument.respondent-needs-child']);
    const child = { ...minimal(), subject: 'child' as const, respondents: [{ type: 'youth' as const }] };
    const r2 = validateDefinition(child);
    expect(r2.ok ? [] : r2.issues.map((i) => [i.code, i.field])).toEqual([['instrument.youth-needs-age', 'respondents[0].minimumAge']]);
  });
});

describe('checkAnswers', () => {
  const def = minimal();
  it('accepts answered, skipped and not-relevant answers on the scale, with comments', () => {
    expect(
      checkAnswers(def, [
        { itemId: 'a', status: 'answered', value: 1, comment: 'godt' },
        { itemId: 'b', status: 'skipped' },
        { itemId: 'c', status: 'answered', text: 'mine ord' },
      ]),
    ).toEqual([]);
  });
  it('refuses a value outside the scale, a ruler fraction, an item not in the version and text on a scored item', () => {
    const issues = checkAnswers(def, [
      { itemId: 'a', status: 'answered', value: 2 },
      { itemId: 'b', status: 'answered', value: 2.5 },
      { itemId: 'zz', status: 'answered', value: 1 },
      { itemId: 'b', status: 'skipped', value: 3 },
    ]);
    expect(issues.map((i) => [i.code, i.field])).toEqual([
      ['measurement.value-outside-scale', 'answers[0].value'],
      ['measurement.value-outside-scale', 'answers[1].value'],
      ['measurement.item-unknown', 'answers[2].itemId'],
      ['measurement.item-twice', 'answers[3].itemId'],
    ]);
  });
  it('refuses "not relevant" where the item does not allow it', () => {
    const fidelity = shippedInstruments().find((d) => d.id === 'fidelity-checklist')!;
    expect(checkAnswers(fidelity, [{ itemId: 'one-plan-shared', status: 'not-relevant' }]).map((i) => i.code)).toEqual(['measurement.not-relevant-not-allowed']);
  });
});

describe('respondentAllowed', () => {
  const child = shippedInstruments().find((d) => d.id === 'wellbeing-ruler-child')!;
  it('allows listed types and youth from the minimum age only', () => {
    expect(respondentAllowed(child, 'parent', 4)).toEqual({ ok: true });
    expect(respondentAllowed(child, 'youth', 7)).toEqual({ ok: true });
    expect(respondentAllowed(child, 'youth', 6)).toEqual({ ok: false, code: 'measurement.respondent-too-young' });
    expect(respondentAllowed(child, 'citizen', 30)).toEqual({ ok: false, code: 'measurement.respondent-not-allowed' });
  });
});
