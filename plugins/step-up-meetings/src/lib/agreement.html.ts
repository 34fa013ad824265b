import type { AgreementAction } from './entities.js';
import type { AgreementDirection } from './vocabulary.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Everything in the document was typed by people: every value is escaped. */
const e = (s: string | null | undefined) => (s ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** "2026-02-11" → "11. februar 2026" (by hand, never locale data). */
export function danishDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}. ${MONTHS[m - 1]} ${y}`;
}

export const DIRECTION_DA: Record<AgreementDirection, string> = {
  'ordinary-job': 'ordinært job',
  education: 'uddannelse',
  'resource-course': 'ressourceforløb',
  'vocational-rehabilitation': 'revalidering',
  'flex-job': 'fleksjob',
  'disability-pension': 'førtidspension',
  'further-clarification': 'yderligere afklaring',
};

export interface AgreementDocument {
  citizenName: string | null;
  chairName: string | null;
  jobConsultantName: string | null;
  meetingHeldOn: string;
  reReviewDueOn: string;
  agreement: {
    nextStep: string;
    responsible: string;
    nextStepDueOn: string | null;
    actions: AgreementAction[];
    direction: AgreementDirection | null;
    citizenSignedOn: string;
    chairSignedOn: string;
    jobConsultantSignedOn: string;
    agreedOn: string;
  };
}

/**
 * The agreement document (aftaledokument) as signed at the step-up meeting: plain Danish HTML with print
 * styles, short enough for the fridge. It names the citizen and the signatories; it is served only on the
 * course's access rules, with no-store.
 */
export function renderAgreementHtml(d: AgreementDocument): string {
  const a = d.agreement;
  const actions = a.actions.length
    ? `<h2>Rækkefølgen af det, der skal ske</h2>\n<ol class="actions">${a.actions.map((x) => `<li>${e(x.text)} <span class="who">(ansvarlig: ${e(x.responsible)})</span></li>`).join('')}</ol>`
    : '';
  const direction = a.direction ? `<p>Vi arbejder hen imod en afklaring af: <strong>${e(DIRECTION_DA[a.direction])}</strong>.</p>` : '';
  const signature = (role: string, name: string | null, on: string) =>
    `<tr><th scope="row">${role}</th><td>${e(name ?? '')}</td><td>Underskrevet ${danishDate(on)}</td></tr>`;
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>Aftaledokument – Step-up-møde</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; line-height: 1.5; color: #111; }
  h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
  h2 { font-size: 1.15rem; margin-top: 1.6rem; }
  .next { border: 2px solid #111; padding: 0.8rem 1rem; }
  .who { color: #444; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 0.4rem 0.5rem; border-bottom: 1px solid #999; }
  @media print { body { margin: 0; max-width: none; } }
</style>
</head>
<body>
<h1>Aftaledokument</h1>
<p>Aftalt på step-up-mødet ${danishDate(d.meetingHeldOn)}${d.citizenName ? ` med ${e(d.citizenName)}` : ''}.</p>
<h2>Dit næste skridt</h2>
<div class="next">
<p>${e(a.nextStep)}</p>
<p>Ansvarlig: ${e(a.responsible)}${a.nextStepDueOn ? `. Dato: ${danishDate(a.nextStepDueOn)}` : ''}.</p>
</div>
${actions}
${direction}
<h2>Genbehandling</h2>
<p>Vi mødes igen til et genbehandlingsmøde senest ${danishDate(d.reReviewDueOn)} for at se på, hvordan det er gået, og hvad der skal ske nu.</p>
<h2>Underskrifter</h2>
<table>
${signature('Borger', d.citizenName, a.citizenSignedOn)}
${signature('Mødeleder', d.chairName, a.chairSignedOn)}
${signature('Jobkonsulent', d.jobConsultantName, a.jobConsultantSignedOn)}
</table>
<p>Aftalen gælder fra ${danishDate(a.agreedOn)}.</p>
</body>
</html>
`;
}
