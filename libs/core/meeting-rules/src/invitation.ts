import { copenhagenParts, DANISH_MONTHS } from '@enplan/shared/util';
import { MEETING_TYPE_LABELS, MEETING_TYPE_PURPOSES, type InvitationChannel, type MeetingChange, type ParticipantKind, type PlaceKind } from './vocabulary.js';

/**
 * The citizen's invitation to a meeting, in plain Danish. Pure: the service reads the facts and this turns
 * them into a document. It holds what the citizen needs (when, where, who comes, what the meeting is for) and
 * nothing a letter lying on a kitchen table should not show: no CPR number, no organisation names of external
 * participants (a psychiatric ward or a treatment centre is a health detail), no agenda or case notes, and the
 * citizen's own address is never repeated ("hjemme hos dig").
 */
export interface InvitationFacts {
  municipalityName: string;
  citizenName: string;
  channel: InvitationChannel;
  meeting: { type: string; startsAt: Date; endsAt: Date; placeKind: PlaceKind; placeText: string | null; onlineLink?: string | null };
  /** An updated invitation: the meeting was moved (the new time and place) or cancelled. */
  change?: MeetingChange;
  /** Who comes, in the order to show; `self` is the invited citizen. */
  people: { kind: ParticipantKind; name: string; roles: string[]; self?: boolean }[];
  /** Whom to contact to move the meeting or ask (the chair, else the first staff participant). */
  contactPerson: string | null;
}

export interface RenderedInvitation {
  subject: string;
  text: string;
  html: string;
}

const WEEKDAYS = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'];
const ROLE_LABELS: Record<string, string> = { chair: 'mødeleder', 'note-taker': 'referent' };

/** "mandag den 12. januar 2026", in Danish time. */
export function danishDate(d: Date): string {
  const { year, month, day } = copenhagenParts(d);
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return `${weekday} den ${day}. ${DANISH_MONTHS[month - 1]} ${year}`;
}

/** "kl. 10.00", in Danish time. */
export function danishTime(d: Date): string {
  return `kl. ${copenhagenParts(d).time}`;
}

function meetingName(type: string): string {
  return (MEETING_TYPE_LABELS[type] ?? 'Møde').toLowerCase();
}

function placeLine(kind: PlaceKind, text: string | null, link: string | null): string {
  if (link) return kind === 'online' ? `Online: ${link}` : `${placeLine(kind, text, null)}, eller online: ${link}`;
  switch (kind) {
    case 'citizen-home':
      return 'Hjemme hos dig';
    case 'town-hall':
      return text ? `Rådhuset, ${text}` : 'Rådhuset';
    case 'provider-site':
      return text ?? 'Hos den, der hjælper dig (vi aftaler stedet med dig)';
    case 'cafe':
      return text ?? 'På en café (vi aftaler hvilken med dig)';
    case 'online':
      return text ? `Online: ${text}` : 'Online (du får et link)';
    default:
      return text ?? 'Vi aftaler stedet med dig';
  }
}

function personLine(p: InvitationFacts['people'][number]): string {
  if (p.self) return 'Dig';
  const roles = p.roles.map((r) => ROLE_LABELS[r]).filter(Boolean);
  return roles.length ? `${p.name} (${roles.join(', ')})` : p.name;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function renderInvitation(f: InvitationFacts): RenderedInvitation {
  const name = meetingName(f.meeting.type);
  const start = f.meeting.startsAt;
  const sameDay = danishDate(start) === danishDate(f.meeting.endsAt);
  const when = sameDay
    ? `${danishDate(start)} ${danishTime(start)} til ${copenhagenParts(f.meeting.endsAt).time}`
    : `${danishDate(start)} ${danishTime(start)} til ${danishDate(f.meeting.endsAt)} ${danishTime(f.meeting.endsAt)}`;
  const where = placeLine(f.meeting.placeKind, f.meeting.placeText, f.meeting.onlineLink ?? null);
  const who = f.people.map(personLine);
  const purpose = MEETING_TYPE_PURPOSES[f.meeting.type] ?? 'Vi mødes for at tale om din plan og om, hvad der skal ske nu.';
  const contact = f.contactPerson
    ? `Passer tidspunktet ikke, eller har du spørgsmål, så kontakt ${f.contactPerson}. Det er helt i orden at flytte mødet.`
    : 'Passer tidspunktet ikke, eller har du spørgsmål, så kontakt os. Det er helt i orden at flytte mødet.';
  const at = `${danishDate(start)} ${danishTime(start)}`;
  const subject = f.change === 'cancelled' ? `Aflyst: ${name} ${at}` : f.change === 'rescheduled' ? `Mødet er flyttet: ${name} ${at}` : `Invitation til ${name} ${at}`;
  if (f.change === 'cancelled') return renderCancellation(f, subject, name, when);

  if (f.channel === 'sms') {
    // A text message is read on a shared screen: no other people's names, short.
    const first = firstName(f);
    return textMessage(subject, [
      f.change === 'rescheduled' ? `Hej ${first}. Dit ${name} er flyttet til ${when}.` : `Hej ${first}. Du er inviteret til ${name} ${when}.`,
      `Sted: ${where}.`,
      f.contactPerson ? `Passer det ikke, så kontakt ${f.contactPerson}.` : 'Passer det ikke, så kontakt os.',
      `Hilsen ${f.municipalityName}`,
    ]);
  }

  const opening = f.change === 'rescheduled' ? `Dit ${name} er flyttet. Her er den nye tid og det nye sted.` : `Du er inviteret til et ${name}.`;
  const text = [
    `Kære ${f.citizenName}`,
    '',
    opening,
    '',
    `Hvornår: ${when}`,
    `Hvor: ${where}`,
    `Hvem kommer: ${who.join(', ')}`,
    '',
    `Hvad skal vi: ${purpose}`,
    '',
    'Du må gerne tage en, du har tillid til, med.',
    contact,
    '',
    'Venlig hilsen',
    f.municipalityName,
  ].join('\n');

  const e = escapeHtml;
  const html = letterHtml(f, subject, [
    `<p>${e(opening)}</p>`,
    '<dl>',
    `<dt>Hvornår</dt><dd>${e(when)}</dd>`,
    `<dt>Hvor</dt><dd>${e(where)}</dd>`,
    `<dt>Hvem kommer</dt><dd><ul>${who.map((w) => `<li>${e(w)}</li>`).join('')}</ul></dd>`,
    `<dt>Hvad skal vi</dt><dd>${e(purpose)}</dd>`,
    '</dl>',
    '<p>Du må gerne tage en, du har tillid til, med.</p>',
    `<p>${e(contact)}</p>`,
  ]);
  return { subject, text, html };
}

/** The cancellation of a meeting the citizen was invited to: what is cancelled, and whom to contact. */
function renderCancellation(f: InvitationFacts, subject: string, name: string, when: string): RenderedInvitation {
  const contact = f.contactPerson ? `Har du spørgsmål, så kontakt ${f.contactPerson}.` : 'Har du spørgsmål, så kontakt os.';
  const cancelled = `Dit ${name} ${when} er aflyst. Vi kontakter dig om et nyt tidspunkt.`;
  if (f.channel === 'sms') return textMessage(subject, [`Hej ${firstName(f)}. ${cancelled}`, contact, `Hilsen ${f.municipalityName}`]);
  const text = [`Kære ${f.citizenName}`, '', cancelled, '', contact, '', 'Venlig hilsen', f.municipalityName].join('\n');
  const html = letterHtml(f, subject, [`<p>${escapeHtml(cancelled)}</p>`, `<p>${escapeHtml(contact)}</p>`]);
  return { subject, text, html };
}

/** Only the first name in a text message: it is read on a shared screen. */
function firstName(f: InvitationFacts): string {
  return f.citizenName.trim().split(/\s+/)[0] ?? '';
}

/** A text message: its sentences on one line, and the same as a one-paragraph page. */
function textMessage(subject: string, sentences: string[]): RenderedInvitation {
  const text = sentences.join(' ');
  return { subject, text, html: `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body><p>${escapeHtml(text)}</p></body></html>` };
}

/** A letter's page: the greeting, `body` (HTML, escaped by the caller), the municipality's sign-off. */
function letterHtml(f: InvitationFacts, subject: string, body: string[]): string {
  const e = escapeHtml;
  return [
    '<!doctype html>',
    '<html lang="da">',
    `<head><meta charset="utf-8"><title>${e(subject)}</title></head>`,
    '<body>',
    `<p>Kære ${e(f.citizenName)}</p>`,
    ...body,
    `<p>Venlig hilsen<br>${e(f.municipalityName)}</p>`,
    '</body>',
    '</html>',
  ].join('\n');
}
