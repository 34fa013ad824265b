import type { HouseholdRelation } from '@enplan/core/citizens';
import type { ActionStatus, GoalStatus, PlanContent, PlanGoal, Responsible } from './plan-content.js';
import type { WordsDisclosure } from './plan-visibility.js';

/**
 * The plan as the citizen reads it: plain Danish, short enough for the fridge. It deliberately leaves out
 * legal paragraphs (the citizen's plan must not be buried under legal text), ids, internal notes and the
 * CPR number; responsible parties are shown by name.
 */
export interface CitizenView {
  lang: 'da';
  title: string;
  citizenName: string | null;
  version: number;
  /** e.g. "Version 2 af din plan, fra 5. januar 2026" */
  versionText: string;
  /** `withheld` says why the sections are empty: the words are another member's, or wait for review. */
  myWords: { heading: string; sections: { label: string; text: string }[]; withheld: string | null };
  goal: { label: string; text: string; agreement: string };
  subGoals: { label: string; items: CitizenViewGoal[] };
  actions: { label: string; items: CitizenViewAction[] };
  agreements: { label: string; items: CitizenViewAgreement[] };
  whoDoesWhat: { label: string; rows: { who: string; what: string; when: string }[] };
  /** The reader's own latest answers to progression measurements, shown next to the goals. */
  progress?: { label: string; items: { heading: string; answers: { question: string; answer: string; comment: string | null }[] }[] };
  closing: string;
}

export interface CitizenViewGoal {
  title: string;
  when: string | null;
  status: string;
  subGoals: CitizenViewGoal[];
}

export interface CitizenViewAction {
  title: string;
  goal: string | null;
  who: string;
  when: string;
  status: string;
}

export interface CitizenViewAgreement {
  text: string;
  who: string;
  when: string | null;
  status: string;
}

/** Names for the staff members and units the plan names; whoever is missing is shown as "Kommunen". */
export interface CitizenViewNames {
  staff: ReadonlyMap<string, { name: string; unitName: string | null }>;
  units: ReadonlyMap<string, string>;
}

export interface CitizenViewMeta {
  version: number;
  publishedAt: Date;
  citizenName: string | null;
  /**
   * Which household member reads (absent: the course's citizen, outside a family). `agreedBy` is who gave the
   * yes to the overall goal, as the reader sees them: themself, another member by their place in the
   * household, or the family when the course has no main citizen. `words`: whether the citizen's words are shown.
   */
  member?: { readerId: string | null; agreedBy: 'you' | HouseholdRelation | 'family'; words: WordsDisclosure };
}

export const LABELS = {
  title: 'Min plan',
  myWords: 'Med mine egne ord',
  worries: 'Det bekymrer mig',
  whatWorks: 'Det går godt',
  dreamsAndWishes: 'Mine drømme og ønsker',
  goal: 'Mit mål',
  subGoals: 'Delmål',
  actions: 'Det gør vi',
  agreements: 'Aftaler',
  whoDoesWhat: 'Hvem gør hvad – og hvornår',
  yourself: 'Dig selv',
  municipality: 'Kommunen',
  closing: 'Planen er lavet sammen med dig. Spørg din kontaktperson, hvis noget er uklart eller skal laves om.',
  family: 'Familien',
  wordsOfAnother: 'Udeladt: det er et andet medlem af familiens egne ord.',
  wordsForReview: 'Udeladt indtil videre: familiens egne ord gennemgås af en sagsbehandler, fordi de kan handle om et andet medlem af familien.',
} as const;

/** Who gave the yes to the overall goal, when it was not the reader: named by their place in the household, never by name. */
const AGREED_BY_DA: Record<HouseholdRelation | 'family', string> = {
  parent: 'En forælder',
  child: 'Et barn i familien',
  partner: 'Din partner',
  other: 'Et andet medlem af familien',
  family: 'Familien',
};

function agreementText(og: PlanContent['overallGoal'], by: 'you' | HouseholdRelation | 'family'): string {
  if (!og.citizenAgreed) return by === 'you' ? 'Du har endnu ikke sagt ja til målet.' : 'Der er endnu ikke sagt ja til målet.';
  const subject = by === 'you' ? 'Du' : AGREED_BY_DA[by];
  return og.agreedOn ? `${subject} sagde ja til målet den ${danishDate(og.agreedOn)}.` : `${subject} har sagt ja til målet.`;
}

export const GOAL_STATUS_DA: Record<GoalStatus, string> = {
  'not-started': 'Ikke begyndt',
  'in-progress': 'I gang',
  achieved: 'Nået',
  dropped: 'Ikke længere aktuelt',
};

export const ACTION_STATUS_DA: Record<ActionStatus, string> = {
  planned: 'Planlagt',
  active: 'I gang',
  changed: 'Ændret',
  stopped: 'Stoppet',
  done: 'Afsluttet',
};

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** "2026-03-01" → "1. marts 2026"; written by hand so the text never depends on the server's locale data. */
export function danishDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d}. ${MONTHS[m - 1]} ${y}`;
}

/**
 * "The citizen" responsible for an item is the reader when the item names them, or names nobody and the reader
 * is the course's citizen; in a family, anyone else is shown as the family (never another member by name).
 */
function who(r: Responsible, names: CitizenViewNames, concerns: readonly string[] | undefined, member: CitizenViewMeta['member']): string {
  if (r.kind === 'citizen') {
    if (!member) return LABELS.yourself;
    const mine = concerns?.length ? !!member.readerId && concerns.includes(member.readerId) : member.agreedBy === 'you';
    return mine ? LABELS.yourself : LABELS.family;
  }
  if (r.kind === 'staff' && r.id) {
    const s = names.staff.get(r.id);
    if (s) return s.unitName ? `${s.name} (${s.unitName})` : s.name;
  }
  if (r.kind === 'unit' && r.id) return names.units.get(r.id) ?? LABELS.municipality;
  return LABELS.municipality;
}

function goalTree(goals: readonly PlanGoal[], parentId: string | undefined): CitizenViewGoal[] {
  return goals
    .filter((g) => g.parentId === parentId)
    .map((g) => ({
      title: g.title,
      when: g.targetDate ? `Inden ${danishDate(g.targetDate)}` : null,
      status: GOAL_STATUS_DA[g.status],
      subGoals: goalTree(goals, g.id),
    }));
}

export function buildCitizenView(content: PlanContent, names: CitizenViewNames, meta: CitizenViewMeta): CitizenView {
  const goalTitle = new Map(content.goals.map((g) => [g.id, g.title]));
  const publishedOn = danishDate(meta.publishedAt.toISOString());
  const og = content.overallGoal;
  const words = meta.member?.words ?? 'disclosed';

  const actions = content.actions.map((a) => ({
    title: a.title,
    goal: goalTitle.get(a.goalId) ?? null,
    who: who(a.responsible, names, a.concerns, meta.member),
    when: a.deadline ? `Fra ${danishDate(a.startDate)} til ${danishDate(a.deadline)}` : `Fra ${danishDate(a.startDate)}`,
    status: ACTION_STATUS_DA[a.status],
  }));
  const agreements = content.agreements.map((a) => ({
    text: a.text,
    who: who(a.responsible, names, a.concerns, meta.member),
    when: a.due ? `Senest ${danishDate(a.due)}` : null,
    status: a.done ? 'Klaret' : 'Ikke klaret endnu',
  }));

  // One list in date order, so the next step is always at the top; finished things are left out.
  const open = [
    ...content.actions.flatMap((a, i) =>
      a.status === 'done' || a.status === 'stopped' ? [] : [{ sortKey: a.startDate, row: { who: actions[i].who, what: a.title, when: actions[i].when } }],
    ),
    ...content.agreements.flatMap((a, i) =>
      a.done ? [] : [{ sortKey: a.due ?? '9999-12-31', row: { who: agreements[i].who, what: a.text, when: agreements[i].when ?? 'Ingen fast dato' } }],
    ),
  ].sort((x, y) => (x.sortKey < y.sortKey ? -1 : x.sortKey > y.sortKey ? 1 : 0));

  return {
    lang: 'da',
    title: LABELS.title,
    citizenName: meta.citizenName,
    version: meta.version,
    versionText: `Version ${meta.version} af din plan, fra ${publishedOn}`,
    myWords: {
      heading: LABELS.myWords,
      sections:
        words === 'disclosed'
          ? [
              { label: LABELS.worries, text: content.citizenWords.worries },
              { label: LABELS.whatWorks, text: content.citizenWords.whatWorks },
              { label: LABELS.dreamsAndWishes, text: content.citizenWords.dreamsAndWishes },
            ]
          : [],
      withheld: words === 'disclosed' ? null : words === 'another-member' ? LABELS.wordsOfAnother : LABELS.wordsForReview,
    },
    goal: { label: LABELS.goal, text: og.text, agreement: agreementText(og, meta.member?.agreedBy ?? 'you') },
    subGoals: { label: LABELS.subGoals, items: goalTree(content.goals, undefined) },
    actions: { label: LABELS.actions, items: actions },
    agreements: { label: LABELS.agreements, items: agreements },
    whoDoesWhat: { label: LABELS.whoDoesWhat, rows: open.map((d) => d.row) },
    closing: LABELS.closing,
  };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Everything in the page comes from people's typing: every value is escaped, attributes included. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const PRINT_CSS = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #111; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 1.75rem 0 .5rem; border-bottom: 2px solid #333; padding-bottom: .15rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .25rem; }
p.meta { color: #444; margin: 0 0 1rem; }
.goal { font-size: 1.2rem; font-weight: 600; }
ul { padding-left: 1.25rem; }
li { margin: .25rem 0; }
.status { display: inline-block; border: 1px solid #666; border-radius: .75rem; padding: 0 .5rem; font-size: .85rem; margin-left: .35rem; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #bbb; }
footer { margin-top: 2rem; font-style: italic; }
@media print { body { margin: 0; max-width: none; font-size: 12pt; } h2 { break-after: avoid; } tr, li { break-inside: avoid; } }
`.trim();

function goalsHtml(goals: CitizenViewGoal[]): string {
  if (!goals.length) return '';
  const items = goals.map(
    (g) =>
      `<li>${escapeHtml(g.title)}${g.when ? ` – ${escapeHtml(g.when)}` : ''}<span class="status">${escapeHtml(g.status)}</span>${goalsHtml(g.subGoals)}</li>`,
  );
  return `<ul>${items.join('')}</ul>`;
}

const paragraph = (text: string) => (text.trim() ? `<p>${escapeHtml(text).replace(/\n/g, '<br>')}</p>` : '<p>–</p>');

/** A printable page of the citizen view: one column, no scripts, no external resources. */
export function renderCitizenViewHtml(v: CitizenView): string {
  const e = escapeHtml;
  const none = '<p>–</p>';
  const actions = v.actions.items.length
    ? `<ul>${v.actions.items
        .map(
          (a) =>
            `<li><strong>${e(a.title)}</strong><span class="status">${e(a.status)}</span><br>${e(a.who)} · ${e(a.when)}${a.goal ? `<br>Delmål: ${e(a.goal)}` : ''}</li>`,
        )
        .join('')}</ul>`
    : none;
  const agreements = v.agreements.items.length
    ? `<ul>${v.agreements.items
        .map((a) => `<li>${e(a.text)}<span class="status">${e(a.status)}</span><br>${e(a.who)}${a.when ? ` · ${e(a.when)}` : ''}</li>`)
        .join('')}</ul>`
    : none;
  const rows = v.whoDoesWhat.rows.length
    ? `<table><thead><tr><th>Hvem</th><th>Hvad</th><th>Hvornår</th></tr></thead><tbody>${v.whoDoesWhat.rows
        .map((r) => `<tr><td>${e(r.who)}</td><td>${e(r.what)}</td><td>${e(r.when)}</td></tr>`)
        .join('')}</tbody></table>`
    : none;
  return [
    '<!DOCTYPE html>',
    '<html lang="da">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(v.title)}</title>`,
    `<style>${PRINT_CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${e(v.title)}</h1>`,
    `<p class="meta">${v.citizenName ? `${e(v.citizenName)} · ` : ''}${e(v.versionText)}</p>`,
    '</header>',
    '<main>',
    `<section><h2>${e(v.myWords.heading)}</h2>${v.myWords.withheld ? `<p><em>${e(v.myWords.withheld)}</em></p>` : ''}${v.myWords.sections
      .map((s) => `<h3>${e(s.label)}</h3>${paragraph(s.text)}`)
      .join('')}</section>`,
    `<section><h2>${e(v.goal.label)}</h2><p class="goal">${e(v.goal.text)}</p><p>${e(v.goal.agreement)}</p></section>`,
    `<section><h2>${e(v.subGoals.label)}</h2>${goalsHtml(v.subGoals.items) || none}</section>`,
    v.progress?.items.length
      ? `<section class="progress"><h2>${e(v.progress.label)}</h2>${v.progress.items
          .map(
            (i) =>
              `<h3>${e(i.heading)}</h3><dl>${i.answers.map((a) => `<dt>${e(a.question)}</dt><dd>${e(a.answer)}${a.comment ? ` <em>(${e(a.comment)})</em>` : ''}</dd>`).join('')}</dl>`,
          )
          .join('')}</section>`
      : '',
    `<section><h2>${e(v.actions.label)}</h2>${actions}</section>`,
    `<section><h2>${e(v.agreements.label)}</h2>${agreements}</section>`,
    `<section><h2>${e(v.whoDoesWhat.label)}</h2>${rows}</section>`,
    '</main>',
    `<footer>${e(v.closing)}</footer>`,
    '</body>',
    '</html>',
  ].join('\n');
}
