import { readFileSync } from 'node:fs';
import type { InstrumentDefinition, ItemAnswer } from './definition.js';
import { scoreMeasurement, changeDirection, type ScoreResult } from './scoring.js';
import { parseDefinition } from './validate.js';
import { shippedInstruments } from './shipped.js';

const byId = (id: string) => shippedInstruments().find((d) => d.id === id) as InstrumentDefinition;
const answered = (values: Record<string, number>): ItemAnswer[] => Object.entries(values).map(([itemId, value]) => ({ itemId, status: 'answered', value }));
const score = (scores: ScoreResult[], id: string) => scores.find((s) => s.id === id) as ScoreResult;

describe('scoring the employment-readiness set (means, one reversed item, total = sum of sub-scales)', () => {
  const def = byId('employment-readiness');
  const full = { direction: 4, 'next-step': 3, 'can-manage': 5, energy: 2, health: 3, 'daily-rhythm': 4, 'money-worries': 5, 'someone-to-ask': 3, 'with-others': 4, strengths: 5 };

  it('scores every answered item, reversing "money worries" (5 counts 1 + 5 − 5 = 1)', () => {
    const s = scoreMeasurement(def, answered(full));
    // direction (4+3+5)/3 = 4; everyday (2+3+4+1)/4 = 2.5; people (3+4+5)/3 = 4; total 4 + 2.5 + 4 = 10.5
    expect(score(s, 'direction')).toMatchObject({ value: 4, complete: true, answered: 3, skipped: 0 });
    expect(score(s, 'everyday')).toMatchObject({ value: 2.5, complete: true, answered: 4 });
    expect(score(s, 'people')).toMatchObject({ value: 4, complete: true });
    expect(score(s, 'total')).toMatchObject({ kind: 'total', value: 10.5, complete: true, items: 10, answered: 10, better: 'higher' });
  });

  it('leaves skipped items out and stays complete at or above the minimum share (0.6)', () => {
    const answers: ItemAnswer[] = [...answered({ ...full }).filter((a) => a.itemId !== 'next-step' && a.itemId !== 'health'), { itemId: 'next-step', status: 'skipped' }, { itemId: 'health', status: 'skipped' }];
    const s = scoreMeasurement(def, answers);
    // direction (4+5)/2 = 4.5, 2 of 3 = 0.67; everyday (2+4+1)/3 = 2.333 -> 2.33, 3 of 4; total 4.5 + 2.33 + 4 = 10.83
    expect(score(s, 'direction')).toMatchObject({ value: 4.5, complete: true, answered: 2, skipped: 1 });
    expect(score(s, 'everyday')).toMatchObject({ value: 2.33, complete: true, skipped: 1 });
    expect(score(s, 'total')).toMatchObject({ value: 10.83, complete: true, answered: 8, skipped: 2 });
  });

  it('marks a score incomplete below the minimum share, and the total with it', () => {
    const answers = answered(full).filter((a) => a.itemId !== 'direction' && a.itemId !== 'next-step');
    const s = scoreMeasurement(def, answers); // unanswered counts as skipped
    // direction: only can-manage = 5, 1 of 3 = 0.33 < 0.6
    expect(score(s, 'direction')).toMatchObject({ value: 5, complete: false, answered: 1, skipped: 2 });
    expect(score(s, 'total')).toMatchObject({ value: 11.5, complete: false });
  });

  it('leaves "not relevant" out of the score and out of the completeness share', () => {
    const answers: ItemAnswer[] = [...answered(full).filter((a) => a.itemId !== 'money-worries'), { itemId: 'money-worries', status: 'not-relevant' }];
    const s = scoreMeasurement(def, answers);
    // everyday (2+3+4)/3 = 3, 3 answered of 3 relevant
    expect(score(s, 'everyday')).toMatchObject({ value: 3, complete: true, answered: 3, notRelevant: 1, skipped: 0 });
  });

  it('gives no value when nothing of a sub-scale was answered, and no total', () => {
    const s = scoreMeasurement(def, answered({ energy: 3 }));
    expect(score(s, 'people')).toMatchObject({ value: null, complete: false, skipped: 3 });
    expect(score(s, 'total').value).toBeNull();
  });
});

describe('a definition with the SDQ structure, written by us (placeholder texts)', () => {
  const def = parseDefinition(JSON.parse(readFileSync(new URL('./__fixtures__/sdq-shaped.json', import.meta.url), 'utf8')));
  // emotional s3 s8 s13 s16 s24; conduct s5 s7r s12 s18 s22; hyperactivity s2 s10 s15 s21r s25r; peer s6 s11r s14r s19 s23; prosocial s1 s4 s9 s17 s20
  const values = { s1: 2, s2: 2, s3: 2, s4: 2, s5: 1, s6: 0, s7: 0, s8: 1, s9: 1, s10: 2, s11: 2, s12: 0, s13: 0, s14: 2, s15: 1, s16: 1, s17: 2, s18: 1, s19: 1, s20: 2, s21: 2, s22: 0, s23: 0, s24: 2, s25: 1 };

  it('carries 25 items on three options in five sub-scales of five, with a total over four', () => {
    expect(def.items).toHaveLength(25);
    expect(def.scales[0].options.map((o) => o.value)).toEqual([0, 1, 2]);
    expect(def.subscales.map((s) => s.items.length)).toEqual([5, 5, 5, 5, 5]);
    expect(def.totals?.[0].subscales).toEqual(['emotional', 'conduct', 'hyperactivity', 'peer']);
    expect(def.respondents).toContainEqual({ type: 'youth', minimumAge: 11 });
  });

  it('sums sub-scales with reversed items; total difficulties leaves prosocial out', () => {
    const s = scoreMeasurement(def, answered(values));
    // emotional 2+1+0+1+2 = 6; conduct 1+(2−0)+0+1+0 = 4; hyperactivity 2+2+1+(2−2)+(2−1) = 6; peer 0+(2−2)+(2−2)+1+0 = 1; prosocial 2+2+1+2+2 = 9
    expect(s.map((x) => [x.id, x.value])).toEqual([
      ['emotional', 6], ['conduct', 4], ['hyperactivity', 6], ['peer', 1], ['prosocial', 9], ['total-difficulties', 17],
    ]);
    expect(score(s, 'prosocial').better).toBe('higher');
    expect(score(s, 'total-difficulties').better).toBe('lower');
  });

  it('prorates a sum with a gap to the full item count, and marks it incomplete below 3 of 5', () => {
    const skip = new Set(['s8', 's6', 's11', 's14']);
    const answers: ItemAnswer[] = Object.entries(values).map(([itemId, value]) => (skip.has(itemId) ? { itemId, status: 'skipped' } : { itemId, status: 'answered', value }));
    const s = scoreMeasurement(def, answers);
    // emotional without s8: (2+0+1+2)/4 × 5 = 6.25, 4 of 5; peer: s19 1, s23 0 -> 0.5 × 5 = 2.5, 2 of 5 = 0.4 < 0.6
    expect(score(s, 'emotional')).toMatchObject({ value: 6.25, complete: true });
    expect(score(s, 'peer')).toMatchObject({ value: 2.5, complete: false, answered: 2, skipped: 3 });
    // 6.25 + 4 + 6 + 2.5
    expect(score(s, 'total-difficulties')).toMatchObject({ value: 18.75, complete: false });
  });
});

describe('the fidelity checklist', () => {
  it('sums yes (2) / partly (1) / no (0) per core element, and the implementation degree over all four', () => {
    const def = byId('fidelity-checklist');
    expect(def.items).toHaveLength(9);
    const answers = answered(Object.fromEntries(def.items.map((i) => [i.id, 2])));
    answers.find((a) => a.itemId === 'one-plan-current')!.value = 1;
    answers.find((a) => a.itemId === 'entry-no-retelling')!.value = 0;
    const s = scoreMeasurement(def, answers);
    // one plan 2+2+1 = 5; coordination 4; together 4; fewer entry points 2+0 = 2; 15 of 18
    expect(s.map((x) => [x.id, x.value])).toEqual([['one-plan', 5], ['coordination', 4], ['together', 4], ['fewer-entry-points', 2], ['implementation', 15]]);
  });
});

describe('changeDirection', () => {
  it('reads "better" by the score direction', () => {
    expect(changeDirection('higher', 3, 4)).toBe('better');
    expect(changeDirection('lower', 3, 4)).toBe('worse');
    expect(changeDirection('lower', 4, 3)).toBe('better');
    expect(changeDirection('higher', 4, 4)).toBe('same');
  });
});
