import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { AccessLogEntryDto } from '@enplan/core/access';
import { REDACTION_REASONS, type RedactionReason } from './redaction.js';

const UUID = '3f0c2a4e-6b1d-4e59-9a57-0f2b7d8c1e22';
const COURSE_UUID = '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60';

/** An item withheld from this citizen: an opaque reference, its kind and date remain, never its id. */
export class RedactedItemDto {
  @ApiProperty({
    example: 'udeladt-3',
    description: 'An opaque reference, numbering the withheld items of this export (one item keeps one reference wherever it recurs, e.g. in every plan version); never the item’s id',
  })
  ref: string;

  @ApiProperty({ example: 'journal-note', description: 'plan-goal, plan-action, plan-agreement, journal-note, contact, consent, provider-order, measurement, meeting-minutes or citizen-words' })
  kind: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-01-07',
    description:
      'Its date, if it has one: a day (YYYY-MM-DD) for what is dated by a day (a goal’s target, an action’s start, a consent, an order, meeting minutes), the instant (date-time) for what happened at one (a contact, a journal note, a published version)',
  })
  date: string | null;

  @ApiProperty({ enum: [true], example: true, description: 'Always true' })
  redacted: true;

  @ApiProperty({ enum: REDACTION_REASONS, enumName: 'RedactionReason', example: 'concerns-another-household-member', description: 'Why it is withheld' })
  reason: RedactionReason;
}

const orRedacted = (ref: string, description: string) => ({
  type: 'array' as const,
  description: `${description}; an item concerning only other household members is a RedactedItem`,
  items: { oneOf: [{ $ref: getSchemaPath(ref) }, { $ref: getSchemaPath(RedactedItemDto) }] },
});

export class ExportCitizenDto {
  @ApiProperty({ format: 'uuid', example: UUID, description: 'Citizen id' })
  id: string;

  @ApiProperty({ example: '0101901234', description: 'The CPR number in full: it is the citizen’s own' })
  cpr: string;

  @ApiProperty({ example: 'Sara Nielsen', description: 'Name' })
  name: string;

  @ApiProperty({ format: 'date', example: '1990-01-01', description: 'Birth date' })
  birthDate: string;

  @ApiProperty({ example: 'digital-post', description: 'Preferred contact channel' })
  contactChannel: string;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Language or communication needs' })
  languageNeeds: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-01-05T09:00:00.000Z', description: 'Registered' })
  registeredAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-01-05T09:00:00.000Z', description: 'Last changed' })
  updatedAt: string;
}

export class ExportHouseholdDto {
  @ApiProperty({ format: 'uuid', example: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9', description: 'Household id' })
  id: string;

  @ApiProperty({ example: 'Family Jensen', description: 'Working label' })
  label: string;

  @ApiProperty({ example: 'parent', description: 'The citizen’s place in the household' })
  yourRelation: string;

  @ApiProperty({ type: [String], example: ['parent', 'child'], description: 'The other members’ places only: their names and CPR numbers are not part of this export' })
  otherMembers: string[];
}

export class ExportTransitionDto {
  @ApiProperty({ type: String, nullable: true, example: 'active', description: 'From status' })
  from: string | null;

  @ApiProperty({ example: 'closed', description: 'To status' })
  to: string;

  @ApiProperty({ format: 'date-time', example: '2026-06-01T09:00:00.000Z', description: 'When' })
  at: string;

  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-000000000001', description: 'Who' })
  actorId: string;

  @ApiProperty({ type: String, nullable: true, example: 'Borgeren er i job', description: 'Why; null when withheld for review (see withheldForReview)' })
  reason: string | null;
}

export class ExportTeamMemberDto {
  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-000000000001', description: 'Staff member id' })
  staffMemberId: string;

  @ApiProperty({ example: 'Mette Holm', description: 'Name' })
  staffName: string;

  @ApiProperty({ example: 'primary-contact', description: 'Role on the course' })
  role: string;

  @ApiProperty({ format: 'date', example: '2026-01-05', description: 'From' })
  startsOn: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: null, description: 'Until' })
  endsOn: string | null;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Handover note' })
  handoverNote: string | null;
}

export class ExportConsentDto {
  @ApiProperty({ format: 'uuid', example: UUID, description: 'Consent id' })
  id: string;

  @ApiProperty({ example: 'consent', description: 'Always consent' })
  kind: 'consent';

  @ApiProperty({ format: 'date', example: '2026-01-05', description: 'First day it applies' })
  date: string;

  @ApiProperty({ example: false, description: 'Not withheld' })
  redacted: false;

  @ApiProperty({ example: 'information-sharing', description: 'participation or information-sharing' })
  consentKind: string;

  @ApiProperty({ type: [String], example: ['Psykiatrien Nord'], description: 'The parties it names' })
  parties: string[];

  @ApiProperty({ example: 'Koordinering af behandling og job', description: 'Purpose' })
  purpose: string;

  @ApiProperty({ type: [String], example: ['general', 'health'], description: 'Categories of information' })
  categories: string[];

  @ApiProperty({ format: 'date', example: '2026-01-05', description: 'Valid from' })
  validFrom: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: null, description: 'Valid to' })
  validTo: string | null;

  @ApiProperty({ example: 'written', description: 'How it was given' })
  form: string;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Witness of an oral consent' })
  witness: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-01-05T09:00:00.000Z', description: 'Recorded' })
  recordedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null, description: 'Revoked' })
  revokedAt: string | null;
}

export class ExportPlanItemDto {
  @ApiProperty({ example: 'g-job', description: 'Item id (stable across versions)' })
  id: string;

  @ApiProperty({ example: 'plan-goal', description: 'plan-goal, plan-action or plan-agreement; the item also carries its own fields as in the plan (title, dates, status, legal basis, responsible, text)' })
  kind: string;

  @ApiProperty({ example: false, description: 'Not withheld' })
  redacted: false;

  @ApiProperty({ type: [String], format: 'uuid', example: [], description: 'Household members it concerns (ids); empty = the whole family / the course citizen' })
  concerns: string[];
}

@ApiExtraModels(RedactedItemDto, ExportPlanItemDto)
export class ExportPlanVersionDto {
  @ApiProperty({ type: 'integer', example: 2, description: 'Version number' })
  version: number;

  @ApiProperty({ format: 'date-time', example: '2026-01-05T10:30:00.000Z', description: 'Published' })
  publishedAt: string;

  @ApiProperty({ type: String, nullable: true, example: 'Mette Holm', description: 'Published by' })
  authorName: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Opstartsmødet 7. januar', description: 'What changed; null when withheld for review (see withheldForReview)' })
  changeSummary: string | null;

  @ApiProperty({
    // The words as the plan holds them (CitizenWordsDto, also in every plan's content), or withheld.
    oneOf: [{ $ref: getSchemaPath('CitizenWordsDto') }, { $ref: getSchemaPath(RedactedItemDto) }],
    example: { worries: 'At jeg ikke kan betale huslejen.', whatWorks: 'Jeg er god til at lave mad.', dreamsAndWishes: 'Et arbejde i et køkken.' },
    description:
      'The course citizen’s own words; a RedactedItem for another household member unless that citizen is a child in their custody, or (`review-required`) in a family course without a main citizen',
  })
  citizenWords: Record<string, unknown> | RedactedItemDto;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { text: 'Jeg vil have et job.', citizenAgreed: true }, description: 'The overall goal' })
  overallGoal: Record<string, unknown>;

  @ApiProperty(orRedacted('ExportPlanItemDto', 'Goals and sub-goals'))
  goals: unknown[];

  @ApiProperty(orRedacted('ExportPlanItemDto', 'Actions'))
  actions: unknown[];

  @ApiProperty(orRedacted('ExportPlanItemDto', 'Agreements'))
  agreements: unknown[];
}

export class ExportParticipantDto {
  @ApiProperty({ example: 'staff', description: 'staff, citizen, external or network' })
  kind: string;

  @ApiProperty({ example: false, description: 'The requesting citizen themself' })
  you: boolean;

  @ApiProperty({ type: String, nullable: true, example: 'Mette Holm', description: 'Name of a staff, external or network participant; never another household member’s' })
  name: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Psykiatrien Nord', description: 'Organisation; null in a family course until reviewed (see withheldForReview)' })
  organisation: string | null;

  @ApiProperty({ type: [String], example: ['chair'], description: 'Meeting roles' })
  roles: string[];

  @ApiProperty({ example: 'attended', description: 'Attendance' })
  attendance: string;
}

export class ExportMeetingOutcomeDto {
  @ApiProperty({ example: 'agreement', description: 'agreement or decision' })
  kind: string;

  @ApiProperty({ example: 'Anna besøger kantinen med mentoren', description: 'Text' })
  text: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-01-20', description: 'Due' })
  due: string | null;
}

@ApiExtraModels(RedactedItemDto)
export class ExportMeetingDto {
  @ApiProperty({ format: 'uuid', example: UUID, description: 'Meeting id' })
  id: string;

  @ApiProperty({ example: 'start-up', description: 'Meeting type' })
  type: string;

  @ApiProperty({ format: 'date-time', example: '2026-01-07T09:00:00.000Z', description: 'Starts' })
  startsAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-01-07T10:30:00.000Z', description: 'Ends' })
  endsAt: string;

  @ApiProperty({ example: 'cafe', description: 'Kind of place' })
  placeKind: string;

  @ApiProperty({ type: String, nullable: true, example: 'Café Gaden', description: 'Place' })
  placeText: string | null;

  @ApiProperty({ example: 'held', description: 'planned, held or cancelled' })
  status: string;

  @ApiProperty({
    nullable: true,
    oneOf: [{ type: 'string' }, { $ref: getSchemaPath(RedactedItemDto) }],
    example: 'Anna vil gerne i praktik.',
    description: 'The minutes; withheld (`covers-several-courses`) for a board meeting that reviewed several citizens’ courses',
  })
  minutes: string | RedactedItemDto | null;

  @ApiProperty({ type: [ExportParticipantDto], description: 'Participants' })
  participants: ExportParticipantDto[];

  @ApiProperty({ type: [String], example: ['Velkomst'], description: 'Agenda; empty in a family course until reviewed (see withheldForReview)' })
  agenda: string[];

  @ApiProperty({ type: [ExportMeetingOutcomeDto], description: 'Agreements and decisions' })
  outcomes: ExportMeetingOutcomeDto[];
}

export class ExportFollowUpDto {
  @ApiProperty({ format: 'uuid', example: UUID, description: 'Follow-up id' })
  id: string;

  @ApiProperty({ type: String, nullable: true, example: 'Send praktikaftalen', description: 'What; null in a family course until reviewed (see withheldForReview)' })
  text: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Mette Holm', description: 'Owner' })
  ownerName: string | null;

  @ApiProperty({ format: 'date', example: '2026-01-15', description: 'Due' })
  dueOn: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null, description: 'Done' })
  doneAt: string | null;
}

export class ExportContactDto {
  @ApiProperty({ format: 'uuid', example: UUID, description: 'Contact id' })
  id: string;

  @ApiProperty({ example: 'contact', description: 'Always contact' })
  kind: 'contact';

  @ApiProperty({ format: 'date-time', example: '2026-01-08T10:00:00.000Z', description: 'When' })
  date: string;

  @ApiProperty({ example: false, description: 'Not withheld' })
  redacted: false;

  @ApiProperty({ example: 'call', description: 'meeting, call, sms, email, home-visit, letter, other' })
  contactKind: string;

  @ApiProperty({ type: [String], example: ['Mette Holm'], description: 'Staff who took part' })
  staff: string[];

  @ApiProperty({ example: 'employment', description: 'Legal area' })
  legalArea: string;

  @ApiProperty({ type: String, nullable: true, example: 'Ringede om praktikken.', description: 'The note; null in a family course until reviewed (see withheldForReview)' })
  note: string | null;

  @ApiProperty({ type: [ExportFollowUpDto], description: 'Open points from the contact' })
  followUps: ExportFollowUpDto[];
}

export class ExportJournalNoteDto {
  @ApiProperty({ format: 'uuid', example: UUID, description: 'Note id' })
  id: string;

  @ApiProperty({ example: 'journal-note', description: 'Always journal-note' })
  kind: 'journal-note';

  @ApiProperty({ format: 'date-time', example: '2026-01-08T10:00:00.000Z', description: 'Written' })
  date: string;

  @ApiProperty({ example: false, description: 'Not withheld' })
  redacted: false;

  @ApiProperty({ example: 'employment', description: 'Legal area, or general' })
  legalArea: string;

  @ApiProperty({ type: [String], format: 'uuid', example: [], description: 'Household members it concerns (ids); empty = the whole family / the course citizen' })
  concerns: string[];

  @ApiProperty({ type: String, nullable: true, example: 'Mette Holm', description: 'Written by' })
  authorName: string | null;

  @ApiProperty({ example: 'Samtale om praktik.', description: 'The note' })
  text: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null, description: 'The note it corrects' })
  correctsId: string | null;
}

export class ExportProviderReportDto {
  @ApiProperty({ format: 'date', example: '2026-02-15', description: 'Received' })
  receivedOn: string;

  @ApiProperty({ example: 'Mødt stabilt op.', description: 'Summary' })
  summary: string;
}

export class ExportProviderOrderDto {
  @ApiProperty({ format: 'uuid', example: UUID, description: 'Order id' })
  id: string;

  @ApiProperty({ example: 'provider-order', description: 'Always provider-order' })
  kind: 'provider-order';

  @ApiProperty({ format: 'date', example: '2026-02-01', description: 'Starts' })
  date: string;

  @ApiProperty({ example: false, description: 'Not withheld' })
  redacted: false;

  @ApiProperty({ example: 'a-mentor', description: 'The plan action it delivers' })
  actionId: string;

  @ApiProperty({ example: 'Mentorstøtte i praktikken', description: 'Purpose' })
  purpose: string;

  @ApiProperty({ type: String, nullable: true, example: 'Mentorkorpset', description: 'The delivering unit' })
  providerUnit: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: null, description: 'Ends' })
  endsOn: string | null;

  @ApiProperty({ type: [ExportProviderReportDto], description: 'Reports received' })
  reports: ExportProviderReportDto[];
}

export class ExportMeasurementAnswerDto {
  @ApiProperty({ example: 'Hvor meget energi har du haft i hverdagen?', description: 'The question, in Danish, as the instrument version put it' })
  question: string;

  @ApiProperty({ example: 'Noget', description: 'The answer in words ("Sprunget over" when skipped, "Passer ikke på mig" when not relevant)' })
  answer: string;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'The comment on this item' })
  comment: string | null;
}

export class ExportMeasurementScoreDto {
  @ApiProperty({ example: 'Hverdagen', description: 'The sub-scale or total, in Danish' })
  title: string;

  @ApiProperty({ type: Number, nullable: true, example: 3.5, description: 'Null when nothing was answered' })
  value: number | null;

  @ApiProperty({ example: true, description: 'Enough items answered for the score to count as complete' })
  complete: boolean;
}

export class ExportMeasurementDto {
  @ApiProperty({ format: 'uuid', example: UUID, description: 'Measurement id' })
  id: string;

  @ApiProperty({ example: 'measurement', description: 'Always measurement' })
  kind: 'measurement';

  @ApiProperty({ format: 'date-time', example: '2026-01-08T10:00:00.000Z', description: 'Completed (or started, when not completed)' })
  date: string;

  @ApiProperty({ example: false, description: 'Not withheld' })
  redacted: false;

  @ApiProperty({ example: 'Vej mod arbejde eller uddannelse', description: 'The instrument, in Danish' })
  instrument: string;

  @ApiProperty({ example: 'employment-readiness', description: 'Instrument id' })
  instrumentId: string;

  @ApiProperty({ type: 'integer', example: 1, description: 'The instrument version the answers used' })
  instrumentVersion: number;

  @ApiProperty({ example: 'baseline', description: 'baseline, follow-up, end or extra' })
  occasion: string;

  @ApiProperty({ example: 'completed', description: 'in-progress, completed or skipped' })
  status: string;

  @ApiProperty({ example: 'citizen', description: 'Who answered: citizen, caseworker, parent, teacher or youth' })
  respondentType: string;

  @ApiProperty({ format: 'uuid', example: UUID, description: 'The household member the answers are about (you, or a child in your custody)' })
  aboutCitizenId: string;

  @ApiProperty({ type: [ExportMeasurementAnswerDto], description: 'Every answer, in the instrument’s order' })
  answers: ExportMeasurementAnswerDto[];

  @ApiProperty({ type: String, nullable: true, example: null, description: 'The comment on the whole measurement' })
  comment: string | null;

  @ApiProperty({ type: [ExportMeasurementScoreDto], description: 'Scores (at completion)' })
  scores: ExportMeasurementScoreDto[];

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Why a scheduled measurement was not taken' })
  skipReason: string | null;
}

@ApiExtraModels(RedactedItemDto, ExportConsentDto, ExportContactDto, ExportJournalNoteDto, ExportProviderOrderDto, ExportMeasurementDto)
export class ExportCourseDto {
  @ApiProperty({ format: 'uuid', example: COURSE_UUID, description: 'Course id' })
  id: string;

  @ApiProperty({ enum: ['citizen', 'household-member'], example: 'household-member', description: 'Whether the course is the citizen’s own or their household’s' })
  yourRole: 'citizen' | 'household-member';

  @ApiProperty({ example: 'families', description: 'Target group' })
  targetGroup: string;

  @ApiProperty({ example: 'generic', description: 'Organisational model' })
  modelId: string;

  @ApiProperty({ example: 'active', description: 'Status' })
  status: string;

  @ApiProperty({ example: 'Jobcenter, team 3', description: 'Referred by' })
  referredBy: string;

  @ApiProperty({ format: 'date', example: '2025-12-01', description: 'Referred on' })
  referredOn: string;

  @ApiProperty({ example: 'family-at-risk', description: 'Referral reason code' })
  referralReasonCode: string;

  @ApiProperty({ type: String, nullable: true, example: 'Familien har brug for en samlet indsats', description: 'Why, in words; null when withheld for review (see withheldForReview)' })
  referralReason: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-01-02', description: 'Active from' })
  activatedOn: string | null;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Outcome' })
  outcomeCode: string | null;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Outcome in words' })
  outcomeText: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: null, description: 'Ended' })
  endDate: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: null, description: 'Kept until (then erased)' })
  retentionUntil: string | null;

  @ApiProperty({ type: [ExportTransitionDto], description: 'Status history' })
  transitions: ExportTransitionDto[];

  @ApiProperty({ type: [ExportTeamMemberDto], description: 'Everyone who has worked on the course' })
  team: ExportTeamMemberDto[];

  @ApiProperty(orRedacted('ExportConsentDto', 'Consents'))
  consents: unknown[];

  @ApiProperty({ type: [ExportPlanVersionDto], description: 'Every published plan version, oldest first' })
  planVersions: ExportPlanVersionDto[];

  @ApiProperty({ type: [ExportMeetingDto], description: 'Meetings' })
  meetings: ExportMeetingDto[];

  @ApiProperty(orRedacted('ExportContactDto', 'Logged contacts'))
  contacts: unknown[];

  @ApiProperty({ type: [ExportFollowUpDto], description: 'Follow-ups not tied to a contact' })
  followUps: ExportFollowUpDto[];

  @ApiProperty(orRedacted('ExportJournalNoteDto', 'Journal notes'))
  journalNotes: unknown[];

  @ApiProperty(orRedacted('ExportProviderOrderDto', 'Orders to providers (mentor, support contact person) and their reports'))
  providerOrders: unknown[];

  @ApiProperty(orRedacted('ExportMeasurementDto', 'Progression measurements (a measurement concerns the person it is about: a child’s concerns that child)'))
  measurements: unknown[];

  @ApiProperty({
    type: [String],
    example: ['meeting-minutes', 'meeting-outcomes', 'meeting-agenda', 'participant-organisations', 'handover-notes', 'referral-reason', 'transition-reasons', 'plan-change-summaries', 'contact-notes', 'follow-up-texts', 'access-grant-reasons'],
    description:
      'In a family course, free texts not tagged with whom they concern may mention another household member: they are withheld here until a caseworker has reviewed them ' +
      'and released them to this citizen (`POST /courses/{courseId}/disclosure-releases`). Lists the kinds that still hold at least one withheld text ' +
      '(`citizen-words` when the course has no main citizen; `access-grant-reasons`: the reason of a log entry that also concerns other members is null)',
  })
  withheldForReview: string[];
}

export class ExportMessageDto {
  @ApiProperty({ format: 'uuid', example: UUID, description: 'Message id' })
  id: string;

  @ApiProperty({ example: 'meeting-invitation', description: 'What it is' })
  topic: string;

  @ApiProperty({ type: String, nullable: true, example: 'Invitation til opstartsmøde', description: 'Subject' })
  subject: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-01-05T09:00:00.000Z', description: 'Written' })
  createdAt: string;

  @ApiProperty({ example: 'sent', description: 'pending, sent or failed' })
  status: string;
}

/** A log entry as the citizen gets it: a temporary grant's `reason` is null when the entry also concerns other citizens (it may speak of them). */
export class ExportAccessLogEntryDto extends AccessLogEntryDto {

  @ApiProperty({ type: String, nullable: true, example: 'Mette Holm', description: 'The staff member’s name; null for an integration or the system' })
  actorName: string | null;
}

export class AccessRequestDto {
  @ApiProperty({ format: 'date-time', example: '2026-01-05T09:00:00.000Z', description: 'When the export was made' })
  generatedAt: string;

  @ApiProperty({ example: 'Demo Kommune', description: 'The municipality holding the data' })
  municipality: string;

  @ApiProperty({ type: ExportCitizenDto, description: 'The citizen’s master data, CPR number in full' })
  citizen: ExportCitizenDto;

  @ApiProperty({ type: [ExportHouseholdDto], description: 'Households the citizen belongs to' })
  households: ExportHouseholdDto[];

  @ApiProperty({ type: [ExportCourseDto], description: 'Courses where the citizen is the citizen or a household member' })
  courses: ExportCourseDto[];

  @ApiProperty({ type: [ExportMessageDto], description: 'Letters and messages written to the citizen' })
  messages: ExportMessageDto[];

  @ApiProperty({ type: [ExportAccessLogEntryDto], description: 'Every logged access to the citizen’s data, newest first' })
  accessLog: ExportAccessLogEntryDto[];

  @ApiProperty({ type: 'integer', example: 2, description: 'How many items are withheld because they concern only other household members (or other citizens)' })
  redactions: number;
}
