/**
 * The domain events the core records. A type names what happened to which record; the event carries ids and
 * kinds only (see `EventData`), never personal content: a receiver that needs more asks the API (or, for a
 * sector adapter, the read ports) with the ids, under its own access rules.
 */
export const DOMAIN_EVENT_TYPES = [
  'plan.version-published',
  'decision.decided',
  'decision.notified',
  'meeting.scheduled',
  'meeting.moved',
  'meeting.cancelled',
  'course.activated',
  'course.closed',
  'consent.given',
  'consent.revoked',
  'course.primary-contact-changed',
  'course.team-changed',
  'invitation.to-send',
] as const;
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

export function isDomainEventType(x: unknown): x is DomainEventType {
  return typeof x === 'string' && (DOMAIN_EVENT_TYPES as readonly string[]).includes(x);
}

/**
 * What an event says besides its type: record ids (keys ending in `Id`, uuid values) and kinds, versions and
 * sequence numbers (the keys of `EVENT_KIND_KEYS`: short lowercase tokens or integers). Anything else is
 * refused when the event is recorded, so a name, a CPR number or a note cannot slip into a payload.
 */
export type EventData = Readonly<Record<string, string | number | null>>;

/** The non-id keys an event may carry, each a short token (`[a-z0-9.-]`, at most 64) or an integer. */
export const EVENT_KIND_KEYS = ['kind', 'status', 'change', 'legalArea', 'version', 'sequence', 'channel', 'recipientKind', 'role', 'modelId'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^[a-z0-9][a-z0-9.-]{0,63}$/;

/** The problems with an event's data (empty when it may be recorded). Programming errors, not user input. */
export function eventDataProblems(data: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(data)) {
    if (v === null) continue;
    // Kind keys first: `modelId` is a kind (a model's kebab-case id), not a record id.
    if ((EVENT_KIND_KEYS as readonly string[]).includes(k)) {
      if (!(typeof v === 'number' && Number.isSafeInteger(v)) && !(typeof v === 'string' && TOKEN.test(v))) out.push(`${k} must be an integer or a short lowercase token`);
    } else if (k.endsWith('Id')) {
      if (typeof v !== 'string' || !UUID.test(v)) out.push(`${k} must be a uuid`);
    } else {
      out.push(`${k} is neither an id (…Id) nor a kind (${EVENT_KIND_KEYS.join(', ')})`);
    }
  }
  return out;
}
