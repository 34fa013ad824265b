import { buildCitizenView, danishDate, escapeHtml, renderCitizenViewHtml, type CitizenViewNames } from './citizen-view.js';
import type { PlanContent } from './plan-content.js';

const STAFF = '00000000-0000-4000-8000-000000000001';
const UNIT = '00000000-0000-4000-8000-0000000000aa';

const names: CitizenViewNames = {
  staff: new Map([[STAFF, { name: 'Mette Holm', unitName: 'Socialcenter' }]]),
  units: new Map([[UNIT, 'Jobcenter']]),
};

const content: PlanContent = {
  citizenWords: { worries: 'Huslejen <og> skolen', whatWorks: 'Min søster', dreamsAndWishes: 'Et køkken' },
  overallGoal: { text: 'Job i et køkken', citizenAgreed: true, agreedOn: '2026-01-05' },
  goals: [
    { id: 'g1', title: 'Praktik', targetDate: '2026-06-30', status: 'in-progress', concerns: [] },
    { id: 'g2', parentId: 'g1', title: 'Hygiejnebevis', status: 'not-started', concerns: [] },
  ],
  actions: [
    { id: 'a1', goalId: 'g1', title: 'Bostøtte', legalBasis: 'SEL-85', responsible: { kind: 'staff', id: STAFF }, startDate: '2026-02-01', deadline: '2026-07-31', status: 'active' },
    { id: 'a2', goalId: 'g1', title: 'Praktik', legalBasis: 'LAB-57', responsible: { kind: 'unit', id: UNIT }, startDate: '2026-03-01', status: 'planned' },
    { id: 'a3', goalId: 'g1', title: 'Afklaring', legalBasis: 'LAB-57', responsible: { kind: 'unit', id: 'gone' }, startDate: '2025-12-01', status: 'done' },
  ],
  agreements: [{ id: 'ag1', text: 'Købe togbillet', responsible: { kind: 'citizen' }, due: '2026-01-30', done: false }],
};

describe('citizen view', () => {
  const view = buildCitizenView(content, names, { version: 2, publishedAt: new Date('2026-01-05T10:00:00Z'), citizenName: 'Anna Jensen' });

  it('writes dates the Danish way', () => {
    expect(danishDate('2026-03-01')).toBe('1. marts 2026');
    expect(danishDate('2026-12-24T08:00:00.000Z')).toBe('24. december 2026');
  });

  it('speaks plain Danish and names people instead of ids or paragraphs', () => {
    expect(view.myWords.sections.map((s) => s.label)).toEqual(['Det bekymrer mig', 'Det går godt', 'Mine drømme og ønsker']);
    expect(view.goal).toEqual({ label: 'Mit mål', text: 'Job i et køkken', agreement: 'Du sagde ja til målet den 5. januar 2026.' });
    expect(view.subGoals.items).toEqual([
      { title: 'Praktik', when: 'Inden 30. juni 2026', status: 'I gang', subGoals: [{ title: 'Hygiejnebevis', when: null, status: 'Ikke begyndt', subGoals: [] }] },
    ]);
    expect(view.actions.items.map((a) => [a.who, a.when, a.status])).toEqual([
      ['Mette Holm (Socialcenter)', 'Fra 1. februar 2026 til 31. juli 2026', 'I gang'],
      ['Jobcenter', 'Fra 1. marts 2026', 'Planlagt'],
      ['Kommunen', 'Fra 1. december 2025', 'Afsluttet'],
    ]);
    expect(view.agreements.items).toEqual([{ text: 'Købe togbillet', who: 'Dig selv', when: 'Senest 30. januar 2026', status: 'Ikke klaret endnu' }]);
    expect(JSON.stringify(view)).not.toMatch(/SEL-85|LAB-57|§|00000000-/);
  });

  it('lists what is still open in date order', () => {
    expect(view.whoDoesWhat.rows.map((r) => r.what)).toEqual(['Købe togbillet', 'Bostøtte', 'Praktik']);
  });

  it('renders a printable Danish page with everything escaped', () => {
    const html = renderCitizenViewHtml(view);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="da">/);
    expect(html).toContain('@media print');
    expect(html).toContain('Huslejen &lt;og&gt; skolen');
    expect(html).not.toContain('<og>');
    expect(html).toContain('Hvem gør hvad – og hvornår');
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
  });
});
