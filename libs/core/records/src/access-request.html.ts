import { copenhagenParts, DANISH_MONTHS } from '@enplan/shared/util';
import { MEETING_TYPE_LABELS } from '@enplan/core/meeting-rules';
import type { AccessRequestDto, ExportCourseDto, ExportPlanVersionDto } from './access-request.dto.js';
import type { Redacted } from './redaction.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Everything in the document comes from people's typing: every value is escaped. */
const e = (s: string | null | undefined) => (s ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** "2026-03-01" → "1. marts 2026"; an instant is shown in Danish time with "kl. 10.30". Written by hand, never locale data. */
export function danishDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  if (iso.length <= 10) {
    const [y, m, d] = iso.split('-').map(Number);
    return `${d}. ${DANISH_MONTHS[m - 1]} ${y}`;
  }
  const { year, month, day, time } = copenhagenParts(new Date(iso));
  return `${day}. ${DANISH_MONTHS[month - 1]} ${year} kl. ${time}`;
}

const formatCpr = (cpr: string) => (/^\d{10}$/.test(cpr) ? `${cpr.slice(0, 6)}-${cpr.slice(6)}` : cpr);

const STATUS_DA: Record<string, string> = {
  referred: 'Henvist',
  assessed: 'Visiteret',
  active: 'Aktivt',
  paused: 'Sat i bero',
  closed: 'Afsluttet',
  declined: 'Afvist',
};
const AREA_DA: Record<string, string> = {
  general: 'Generelt',
  employment: 'Beskæftigelse',
  'active-social-policy': 'Aktiv socialpolitik',
  'social-adults': 'Socialområdet, voksne',
  children: 'Børn og familie',
  health: 'Sundhed',
  education: 'Uddannelse',
};
const RELATION_DA: Record<string, string> = { parent: 'forælder', child: 'barn', partner: 'partner', other: 'andet' };
const OPERATION_DA: Record<string, string> = { read: 'Læst', write: 'Ændret', purge: 'Slettet' };
const OUTCOME_DA: Record<string, string> = { allowed: '', denied: ' (afvist)', failed: ' (mislykkedes)' };
const REDACTION_DA: Record<string, string> = {
  'concerns-another-household-member': 'Udeladt: vedrører et andet medlem af husstanden',
  'covers-several-courses': 'Udeladt: mødet behandlede også andre borgeres forløb',
  'review-required': 'Udeladt indtil videre: teksten kan vedrøre et andet medlem af husstanden og gennemgås af en sagsbehandler',
};
const ROLE_DA: Record<string, string> = {
  caseworker: 'sagsbehandler',
  manager: 'leder',
  integrator: 'fagsystem',
  external: 'ekstern samarbejdspartner',
  admin: 'administrator',
  system: 'systemet',
};
const TEAM_ROLE_DA: Record<string, string> = {
  coordinator: 'koordinator',
  caseworker: 'sagsbehandler',
  buddy: 'makker',
  'primary-contact': 'primær kontaktperson',
  provider: 'udfører',
  'external-participant': 'ekstern deltager',
};
const RECORD_DA: Record<string, string> = {
  course: 'forløbet',
  plan: 'planen',
  meeting: 'et møde',
  consent: 'et samtykke',
  citizen: 'dine stamoplysninger',
  household: 'husstanden',
  team: 'teamet',
  contact: 'en kontakt',
  'follow-up': 'et opfølgningspunkt',
  'journal-note': 'journalen',
  'access-request': 'aktindsigten',
  'access-log': 'adgangsloggen',
  'access-grant': 'en midlertidig adgang',
  'provider-order': 'en bestilling',
  measurement: 'en måling',
};
const BASIS_DA: Record<string, string> = {
  team: 'på teamet',
  'former-team': 'tidligere på teamet',
  manager: 'leder for teamet',
  grant: 'midlertidig adgang',
  external: 'samtykke',
  integrator: 'fagsystem',
  staff: 'medarbejder',
  retention: 'slettefrist',
  none: 'ingen adgang',
};
const KIND_DA: Record<string, string> = {
  'plan-goal': 'Mål',
  'plan-action': 'Indsats',
  'plan-agreement': 'Aftale',
  'journal-note': 'Journalnotat',
  contact: 'Kontakt',
  consent: 'Samtykke',
  'provider-order': 'Bestilling hos udfører',
  measurement: 'Måling',
  'meeting-minutes': 'Referat',
  'citizen-words': 'Borgerens egne ord',
};

const isRedacted = (x: unknown): x is Redacted => typeof x === 'object' && x !== null && (x as Redacted).redacted === true;
const redactedLi = (r: Redacted) =>
  `<li class="redacted">${e(KIND_DA[r.kind] ?? r.kind)}${r.date ? ` (${e(danishDate(r.date))})` : ''}: <em>${e(REDACTION_DA[r.reason] ?? r.reason)}</em></li>`;
const REVIEW_P = `<p><em>${REDACTION_DA['review-required']}</em></p>`;
const text = (s: string | null | undefined) => (s && s.trim() ? `<p>${e(s).replace(/\n/g, '<br>')}</p>` : '<p>–</p>');
const list = (items: string[]) => (items.length ? `<ul>${items.join('')}</ul>` : '<p>Ingen.</p>');
const dl = (rows: [string, string | null | undefined][]) => `<dl>${rows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v ?? '–') || '–'}</dd>`).join('')}</dl>`;

function planHtml(v: ExportPlanVersionDto): string {
  const words = (isRedacted(v.citizenWords) ? {} : v.citizenWords) as { worries?: string; whatWorks?: string; dreamsAndWishes?: string };
  const goal = v.overallGoal as { text?: string };
  const item = (x: unknown, render: (i: Record<string, unknown>) => string) => (isRedacted(x) ? redactedLi(x) : render(x as Record<string, unknown>));
  const s = (x: unknown) => (typeof x === 'string' ? x : '');
  return [
    `<h4>Version ${v.version}, ${e(danishDate(v.publishedAt))}${v.authorName ? ` (${e(v.authorName)})` : ''}</h4>`,
    v.changeSummary ? `<p class="meta">${e(v.changeSummary)}</p>` : '',
    isRedacted(v.citizenWords) ? `<ul>${redactedLi(v.citizenWords)}</ul>` : '',
    dl([
      ...(isRedacted(v.citizenWords)
        ? []
        : ([
            ['Det bekymrer mig', words.worries],
            ['Det går godt', words.whatWorks],
            ['Drømme og ønsker', words.dreamsAndWishes],
          ] as [string, string | undefined][])),
      ['Overordnet mål', goal.text],
    ]),
    '<h5>Mål</h5>',
    list(v.goals.map((g) => item(g, (i) => `<li>${e(s(i.title))}${i.targetDate ? ` – inden ${e(danishDate(s(i.targetDate)))}` : ''}</li>`))),
    '<h5>Indsatser</h5>',
    list(
      v.actions.map((a) =>
        item(a, (i) => `<li>${e(s(i.title))}${i.legalBasis ? ` (${e(s(i.legalBasis))})` : ''} – fra ${e(danishDate(s(i.startDate)))}${i.deadline ? ` til ${e(danishDate(s(i.deadline)))}` : ''}</li>`),
      ),
    ),
    '<h5>Aftaler</h5>',
    list(v.agreements.map((a) => item(a, (i) => `<li>${e(s(i.text))}${i.due ? ` – senest ${e(danishDate(s(i.due)))}` : ''}</li>`))),
  ].join('\n');
}

function courseHtml(c: ExportCourseDto, i: number): string {
  const consents = c.consents.map((k) => {
    if (isRedacted(k)) return redactedLi(k);
    const x = k as { consentKind: string; purpose: string; parties: string[]; categories: string[]; validFrom: string; validTo: string | null; revokedAt: string | null };
    const kind = x.consentKind === 'participation' ? 'Samtykke til at deltage' : 'Samtykke til at dele oplysninger';
    const parties = x.parties.length ? ` med ${x.parties.map(e).join(', ')}` : '';
    const period = `fra ${danishDate(x.validFrom)}${x.validTo ? ` til ${danishDate(x.validTo)}` : ''}`;
    return `<li>${e(kind)}${parties}: ${e(x.purpose)} (${e(period)})${x.revokedAt ? `. Tilbagekaldt ${e(danishDate(x.revokedAt))}` : ''}</li>`;
  });
  const meetings = c.meetings.map((m) => {
    const minutes = isRedacted(m.minutes) ? `<p><em>${e(REDACTION_DA[m.minutes.reason])}</em></p>` : typeof m.minutes === 'string' ? text(m.minutes) : '';
    const who = m.participants.map((p) => (p.you ? 'dig' : p.name ? `${p.name}${p.organisation ? ` (${p.organisation})` : ''}` : p.kind === 'citizen' ? 'en borger fra husstanden' : p.kind));
    return `<li><strong>${e(MEETING_TYPE_LABELS[m.type] ?? m.type)}</strong>, ${e(danishDate(m.startsAt))}${m.placeText ? `, ${e(m.placeText)}` : ''}<br>Deltagere: ${e(who.join(', ')) || '–'}${minutes}${
      m.outcomes.length ? `<ul>${m.outcomes.map((o) => `<li>${o.kind === 'decision' ? 'Beslutning' : 'Aftale'}: ${e(o.text)}</li>`).join('')}</ul>` : ''
    }</li>`;
  });
  const contacts = c.contacts.map((k) => {
    if (isRedacted(k)) return redactedLi(k);
    const x = k as { date: string; contactKind: string; staff: string[]; legalArea: string; note: string | null };
    return `<li>${e(danishDate(x.date))}, ${e(x.staff.join(', '))} (${e(AREA_DA[x.legalArea] ?? x.legalArea)})${x.note === null ? REVIEW_P : text(x.note)}</li>`;
  });
  const notes = c.journalNotes.map((n) => {
    if (isRedacted(n)) return redactedLi(n);
    const x = n as { date: string; legalArea: string; authorName: string | null; text: string; correctsId: string | null };
    return `<li>${e(danishDate(x.date))}, ${e(AREA_DA[x.legalArea] ?? x.legalArea)}${x.authorName ? `, ${e(x.authorName)}` : ''}${x.correctsId ? ' (rettelse af et tidligere notat)' : ''}${text(x.text)}</li>`;
  });
  const orders = c.providerOrders.map((o) => {
    if (isRedacted(o)) return redactedLi(o);
    const x = o as { purpose: string; providerUnit: string | null; date: string; reports: { receivedOn: string; summary: string }[] };
    return `<li>${e(x.purpose)}${x.providerUnit ? ` – ${e(x.providerUnit)}` : ''}, fra ${e(danishDate(x.date))}${
      x.reports.length ? `<ul>${x.reports.map((r) => `<li>Rapport ${e(danishDate(r.receivedOn))}: ${e(r.summary)}</li>`).join('')}</ul>` : ''
    }</li>`;
  });
  const measurements = c.measurements.map((m) => {
    if (isRedacted(m)) return redactedLi(m);
    const x = m as { date: string; instrument: string; status: string; skipReason: string | null; comment: string | null; answers: { question: string; answer: string; comment: string | null }[]; scores: { title: string; value: number | null }[] };
    if (x.status === 'skipped') return `<li>${e(danishDate(x.date))}: ${e(x.instrument)} – ikke udfyldt${x.skipReason ? ` (${e(x.skipReason)})` : ''}</li>`;
    const answers = x.answers.map((a) => `<li>${e(a.question)}: ${e(a.answer)}${a.comment ? ` – ${e(a.comment)}` : ''}</li>`).join('');
    const scores = x.scores.filter((s) => s.value !== null).map((s) => `${e(s.title)} ${e(String(s.value))}`).join(', ');
    return `<li>${e(danishDate(x.date))}: ${e(x.instrument)}${x.status === 'in-progress' ? ' (ikke færdig)' : ''}${scores ? `. ${scores}` : ''}${x.comment ? text(x.comment) : ''}${answers ? `<ul>${answers}</ul>` : ''}</li>`;
  });
  return [
    `<section class="course"><h2>Forløb ${i + 1}${c.yourRole === 'household-member' ? ' (familieforløb)' : ''}</h2>`,
    dl([
      ['Status', STATUS_DA[c.status] ?? c.status],
      ['Henvist', `${danishDate(c.referredOn)} af ${c.referredBy}`],
      ['Begrundelse', c.referralReason ?? (c.withheldForReview.includes('referral-reason') ? 'Udeladt indtil videre (gennemgås af en sagsbehandler)' : null)],
      ['Startet', c.activatedOn ? danishDate(c.activatedOn) : null],
      ['Afsluttet', c.endDate ? danishDate(c.endDate) : null],
      ['Resultat', c.outcomeText ?? c.outcomeCode],
      ['Opbevares til', c.retentionUntil ? danishDate(c.retentionUntil) : null],
    ]),
    c.withheldForReview.length
      ? '<p class="note">Fritekster i et familieforløb (referater, dagsordener, mødeaftaler, deltagernes organisationer, kontaktnotater, opfølgningspunkter, ' +
        'overdragelsesnoter, begrundelser for henvisning, statusskift og planændringer) kan handle om andre i husstanden. De er udeladt her, indtil en ' +
        'sagsbehandler har gennemgået dem; du får dem derefter.</p>'
      : '',
    '<h3>Forløbets historik</h3>',
    list(c.transitions.map((t) => `<li>${e(danishDate(t.at))}: ${e(STATUS_DA[t.to] ?? t.to)}${t.reason === null ? '' : ` – ${e(t.reason)}`}</li>`)),
    '<h3>Medarbejdere</h3>',
    list(c.team.map((a) => `<li>${e(a.staffName)} (${e(TEAM_ROLE_DA[a.role] ?? a.role)}), fra ${e(danishDate(a.startsOn))}${a.endsOn ? ` til ${e(danishDate(a.endsOn))}` : ''}</li>`)),
    '<h3>Samtykker</h3>',
    list(consents),
    '<h3>Planen</h3>',
    c.planVersions.length ? c.planVersions.map(planHtml).join('\n') : '<p>Ingen udgivet plan.</p>',
    '<h3>Møder</h3>',
    list(meetings),
    '<h3>Kontakter</h3>',
    list(contacts),
    ...(c.followUps.length
      ? ['<h3>Opfølgningspunkter</h3>', list(c.followUps.map((f) => `<li>${f.text === null ? 'Et opfølgningspunkt' : e(f.text)} – senest ${e(danishDate(f.dueOn))}</li>`))]
      : []),
    '<h3>Journalnotater</h3>',
    list(notes),
    ...(c.providerOrders.length ? ['<h3>Bestillinger hos udførere</h3>', list(orders)] : []),
    ...(c.measurements.length ? ['<h3>Målinger af, hvordan det går</h3>', list(measurements)] : []),
    '</section>',
  ].join('\n');
}

const CSS = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 15px; line-height: 1.45; color: #111; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #333; padding-bottom: .15rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 .35rem; }
h4 { font-size: 1rem; margin: .75rem 0 .2rem; }
h5 { font-size: .95rem; margin: .5rem 0 .2rem; }
p.meta { color: #444; margin: 0 0 .75rem; }
dl { display: grid; grid-template-columns: 11rem 1fr; gap: .15rem .75rem; margin: .5rem 0; }
dt { font-weight: 600; }
dd { margin: 0; }
li { margin: .2rem 0; }
li.redacted { color: #555; }
table { width: 100%; border-collapse: collapse; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .25rem .4rem; border-bottom: 1px solid #bbb; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } h2 { break-before: auto; break-after: avoid; } tr, li, dl { break-inside: avoid; } }
`.trim();

/** The access request as a readable, printable Danish document: plain HTML, no scripts, no external resources. */
export function renderAccessRequestHtml(x: AccessRequestDto): string {
  const c = x.citizen;
  const log = x.accessLog.length
    ? `<table><thead><tr><th>Hvornår</th><th>Hvem</th><th>Hvad</th><th>Grundlag</th></tr></thead><tbody>${x.accessLog
        .map(
          (l) =>
            `<tr><td>${e(danishDate(l.at))}</td><td>${e(l.actorName ?? l.actorId)} (${e(l.actorRoles.map((r) => ROLE_DA[r] ?? r).join(', '))})</td><td>${e(
              OPERATION_DA[l.operation] ?? l.operation,
            )}${e(OUTCOME_DA[l.outcome] ?? '')}: ${e(RECORD_DA[l.recordType] ?? l.recordType)}</td><td>${e(
              l.basis.split(',').map((b) => BASIS_DA[b] ?? b).join(', '),
            )}${l.reason ? ` – ${e(l.reason)}` : ''}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>Ingen.</p>';
  return [
    '<!DOCTYPE html>',
    '<html lang="da">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Aktindsigt</title>',
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    '<h1>Aktindsigt</h1>',
    `<p class="meta">${e(x.municipality)} · udskrevet ${e(danishDate(x.generatedAt))}</p>`,
    '<p>Her er alle de oplysninger, kommunen har registreret om dig i Én plan. Oplysninger, der kun vedrører andre medlemmer af din husstand, er udeladt; ' +
      `det står ved hver udeladt oplysning.${x.redactions ? ` Antal udeladte oplysninger: ${x.redactions}.` : ''}</p>`,
    '</header>',
    '<main>',
    '<section><h2>Dine oplysninger</h2>',
    dl([
      ['Navn', c.name],
      ['CPR-nummer', formatCpr(c.cpr)],
      ['Fødselsdato', danishDate(c.birthDate)],
      ['Kontakt via', c.contactChannel],
      ['Sproglige behov', c.languageNeeds],
      ['Registreret', danishDate(c.registeredAt)],
    ]),
    '</section>',
    '<section><h2>Husstand</h2>',
    list(
      x.households.map(
        (h) =>
          `<li>${e(h.label)}: du er ${e(RELATION_DA[h.yourRelation] ?? h.yourRelation)}${h.otherMembers.length ? `; øvrige medlemmer: ${e(h.otherMembers.map((r) => RELATION_DA[r] ?? r).join(', '))}` : ''}</li>`,
      ),
    ),
    '</section>',
    ...x.courses.map(courseHtml),
    ...(x.messages.length
      ? ['<section><h2>Breve og beskeder til dig</h2>', list(x.messages.map((m) => `<li>${e(danishDate(m.createdAt))}: ${e(m.subject ?? m.topic)}</li>`)), '</section>']
      : []),
    '<section><h2>Hvem har set dine oplysninger</h2>',
    log,
    '</section>',
    '</main>',
    '</body>',
    '</html>',
  ].join('\n');
}
