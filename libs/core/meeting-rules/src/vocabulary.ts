/** The core's meeting types; plugins may add their own (free text, validated against this catalogue plus theirs). */
export const MEETING_TYPES = ['start-up', 'network', 'plan', 'joint', 'team', 'board', 'step-up', 're-review', 'transition'] as const;
export type CoreMeetingType = (typeof MEETING_TYPES)[number];

export const PLACE_KINDS = ['town-hall', 'citizen-home', 'provider-site', 'cafe', 'online', 'other'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const PARTICIPANT_KINDS = ['staff', 'citizen', 'external', 'network'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

export const ATTENDANCES = ['invited', 'accepted', 'declined', 'attended', 'no-show'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

export const OUTCOME_KINDS = ['agreement', 'decision'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export const CONTACT_KINDS = ['meeting', 'call', 'sms', 'email', 'home-visit', 'letter', 'other'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** How an invitation reaches the citizen. */
export const INVITATION_CHANNELS = ['digital-post', 'letter', 'email', 'sms'] as const;
export type InvitationChannel = (typeof INVITATION_CHANNELS)[number];

/** An outbox message's delivery state (see outbox.entity.ts for the contract). */
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** What an outbox message is; the delivering integration dispatches on it. */
export const OUTBOX_TOPICS = ['meeting-invitation', 'work-list-reminder', 'meeting-update'] as const;
export type OutboxTopic = (typeof OUTBOX_TOPICS)[number];

/** Why a participant hears about a meeting again: it was moved (time, place, online link) or cancelled. */
export const MEETING_CHANGES = ['rescheduled', 'cancelled'] as const;
export type MeetingChange = (typeof MEETING_CHANGES)[number];

/** Danish names used in calendar summaries. */
export const MEETING_TYPE_LABELS: Record<string, string> = {
  'start-up': 'Opstartsmøde',
  network: 'Netværksmøde',
  plan: 'Planmøde',
  joint: 'Fællesmøde',
  team: 'Teammøde',
  board: 'Tavlemøde',
  'step-up': 'Step-up-møde',
  're-review': 'Revurderingsmøde',
  transition: 'Overgangsmøde',
};

/** What each core meeting type is for, in plain Danish for the citizen's invitation (no case details). */
export const MEETING_TYPE_PURPOSES: Record<string, string> = {
  'start-up': 'Vi mødes for at komme godt i gang. Du fortæller, hvad der er vigtigt for dig, og vi aftaler, hvem der hjælper med hvad.',
  network: 'Vi mødes med de mennesker, der er vigtige for dig, for at se på, hvordan vi bedst støtter dig sammen.',
  plan: 'Vi mødes for at se på din plan sammen: hvad går godt, hvad skal ændres, og hvad er det næste skridt.',
  joint: 'Vi mødes med dig og dine sagsbehandlere for at følge op på din plan.',
  team: 'Vi mødes for at følge op på din plan.',
  board: 'Vi mødes for at følge op på din plan.',
  'step-up': 'Vi mødes med alle, du har kontakt med, for sammen at aftale dit næste skridt og rækkefølgen af det, der skal ske.',
  're-review': 'Vi mødes for at se på, hvordan det er gået siden sidst, og hvad der skal ske nu.',
  transition: 'Vi mødes for at forberede overgangen, så du ved, hvad der skal ske, og hvem du skal have kontakt med.',
};
