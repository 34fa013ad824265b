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

export const CONTACT_KINDS = ['meeting', 'call', 'sms', 'email', 'home-visit'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

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
