import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery, PageOf } from '@enplan/core/common';
import { PlanDraftDto } from '@enplan/core/plans';
import { CONCERNS_DESCRIPTION } from '@enplan/core/courses';
import { LEGAL_AREAS, type LegalArea } from '@enplan/core/organisation';
import {
  ATTENDANCES,
  MEETING_STATUSES,
  MEETING_TYPES,
  OUTCOME_KINDS,
  PARTICIPANT_KINDS,
  PLACE_KINDS,
  type Attendance,
  type MeetingStatus,
  type OutcomeKind,
  type ParticipantKind,
  type PlaceKind,
} from '@enplan/core/meeting-rules';

const UUID_EXAMPLE = '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ROLE = /^[a-z][a-z0-9-]{0,39}$/;

export class ParticipantInputDto {
  @ApiProperty({ enum: PARTICIPANT_KINDS, enumName: 'ParticipantKind', example: 'external', description: 'staff: a staff member; citizen: the course’s citizen (or a household member); external: a person from another organisation; network: the citizen’s chosen network' })
  @IsIn(PARTICIPANT_KINDS)
  kind: ParticipantKind;

  @ApiPropertyOptional({ format: 'uuid', example: UUID_EXAMPLE, description: 'For kind staff: a staff member of your municipality' })
  @IsOptional() @IsUUID()
  staffMemberId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: UUID_EXAMPLE, description: 'For kind citizen: the course’s citizen or a member of its household' })
  @IsOptional() @IsUUID()
  citizenId?: string;

  @ApiPropertyOptional({ example: 'Lars Berg', description: 'For kind external and network: the person’s name', maxLength: 200 })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    example: UUID_EXAMPLE,
    description: 'For kind external: their organisation as a unit of your municipality (psychiatry, school, probation…). An information-sharing consent in force must cover it (else 422 `consent.missing`)',
  })
  @IsOptional() @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ example: 'Psykiatrien Nord, distriktspsykiatrien', description: "For kind external: their organisation's name, if more precise than the unit's", maxLength: 200 })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  organisation?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['chair'],
    description: 'Roles at this meeting: chair, note-taker, the meeting roles your enabled plugins add (GET /api/v1/deployment, roles of kind meeting) or a free role such as explorer, captain, witness',
  })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @Matches(ROLE, { each: true, message: 'each role must be lower-case letters, digits or "-"' })
  roles?: string[];

  @ApiPropertyOptional({ enum: ATTENDANCES, enumName: 'Attendance', example: 'invited', description: 'Default invited' })
  @IsOptional() @IsIn(ATTENDANCES)
  attendance?: Attendance;
}

export class CreateMeetingDto {
  @ApiProperty({
    example: 'start-up',
    description: `A type from your municipality's catalogue: the core's (${MEETING_TYPES.join(', ')}) plus those your enabled plugins add (GET /api/v1/deployment, meetingTypes); else 422 meeting.type-unknown`,
  })
  @IsString() @MaxLength(40)
  type: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-01-12T09:00:00Z' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-01-12T10:30:00Z', description: 'Must be after startsAt' })
  @IsISO8601({ strict: true })
  endsAt: string;

  @ApiProperty({ enum: PLACE_KINDS, enumName: 'PlaceKind', example: 'cafe', description: 'Where the citizen is comfortable' })
  @IsIn(PLACE_KINDS)
  placeKind: PlaceKind;

  @ApiPropertyOptional({
    example: 'Café Gaden, Nørregade 4',
    description: 'Where exactly, as the citizen’s invitation shows it. Calendar feeds show it only when placeStaffFacing is true, and never for the citizen’s home',
    maxLength: 300,
  })
  @IsOptional() @IsString() @MaxLength(300)
  placeText?: string;

  @ApiPropertyOptional({
    example: false,
    description:
      'True when placeText is written for staff calendars (a room, a building): calendar feeds (LOCATION) then show it. Default false: feeds show only the place kind, since a place name can reveal treatment (“Rusmiddelcenter Nord”)',
  })
  @IsOptional() @IsBoolean()
  placeStaffFacing?: boolean;

  @ApiPropertyOptional({ example: 'https://meet.example.dk/j/123456', description: 'The video link (https) of an online or hybrid meeting; in invitations, never in calendar feeds', maxLength: 500 })
  @IsOptional() @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'onlineLink must be an https URL' }) @MaxLength(500)
  onlineLink?: string;

  @ApiPropertyOptional({ type: [ParticipantInputDto], description: 'Participants to invite at once' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ParticipantInputDto)
  participants?: ParticipantInputDto[];

  @ApiPropertyOptional({ type: [String], example: ['Velkomst', 'Borgerens ønsker'], description: 'Agenda item titles, in order' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(300, { each: true })
  agenda?: string[];
}

/**
 * Moving a meeting: only the fields sent change. The meeting keeps its id (and calendar UID); its SEQUENCE rises
 * and the participants get an updated invitation. A held or cancelled meeting cannot be moved (409).
 */
export class RescheduleMeetingDto {
  @ApiPropertyOptional({ type: String, format: 'date-time', example: '2026-01-14T09:00:00Z', description: 'The new start; without endsAt the meeting keeps its length' })
  @ValidateIf((_, v) => v !== undefined) @IsISO8601({ strict: true })
  startsAt?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', example: '2026-01-14T10:30:00Z', description: 'The new end; must be after the (new) start' })
  @ValidateIf((_, v) => v !== undefined) @IsISO8601({ strict: true })
  endsAt?: string;

  @ApiPropertyOptional({ enum: PLACE_KINDS, enumName: 'PlaceKind', example: 'online' })
  @ValidateIf((_, v) => v !== undefined) @IsIn(PLACE_KINDS)
  placeKind?: PlaceKind;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Mødelokale 2.14', description: 'Where exactly; null clears it', maxLength: 300 })
  @IsOptional() @IsString() @MaxLength(300)
  placeText?: string | null;

  @ApiPropertyOptional({ example: true, description: 'As when scheduling: calendar feeds show placeText only when true' })
  @ValidateIf((_, v) => v !== undefined) @IsBoolean()
  placeStaffFacing?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://meet.example.dk/j/123456', description: 'The video link (https); null clears it', maxLength: 500 })
  @IsOptional() @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'onlineLink must be an https URL' }) @MaxLength(500)
  onlineLink?: string | null;
}

export class CreateBoardMeetingDto extends CreateMeetingDto {
  @ApiProperty({ type: [String], example: [UUID_EXAMPLE], description: 'The courses the board meeting reviews' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @IsUUID('all', { each: true })
  courseIds: string[];
}

export class UpdateParticipantDto {
  @ApiPropertyOptional({ enum: ATTENDANCES, enumName: 'Attendance', example: 'attended', description: 'A citizen’s no-show is information for the team to follow up, never a sanction' })
  @IsOptional() @IsIn(ATTENDANCES)
  attendance?: Attendance;

  @ApiPropertyOptional({ type: [String], example: ['note-taker'], description: 'Replaces the participant’s roles' })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @Matches(ROLE, { each: true, message: 'each role must be lower-case letters, digits or "-"' })
  roles?: string[];
}

export class AssignRoleDto {
  @ApiProperty({ example: 'chair', description: 'chair, note-taker, a meeting role of your enabled plugins (GET /api/v1/deployment) or a free role (explorer, captain, witness …)' })
  @Matches(ROLE, { message: 'role must be lower-case letters, digits or "-"' })
  role: string;

  @ApiPropertyOptional({ format: 'uuid', example: UUID_EXAMPLE, description: 'The participant to give the role (or give staffMemberId)' })
  @IsOptional() @IsUUID()
  participantId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: UUID_EXAMPLE, description: 'A staff member taking part in the meeting' })
  @IsOptional() @IsUUID()
  staffMemberId?: string;
}

export class AddAgendaItemDto {
  @ApiProperty({ example: 'Bolig og økonomi', maxLength: 300 })
  @IsString() @MinLength(1) @MaxLength(300)
  title: string;

  @ApiPropertyOptional({ example: 1, description: 'Position from 1; default last' })
  @IsOptional() @IsInt() @Min(1) @Max(1000)
  position?: number;

  @ApiPropertyOptional({ type: [String], format: 'uuid', example: [], description: CONCERNS_DESCRIPTION })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsUUID('all', { each: true })
  concerns?: string[];
}

export class RecordMinutesDto {
  @ApiProperty({ example: 'Anna fortalte om sit ønske om at arbejde i et køkken …', maxLength: 20000 })
  @IsString() @MinLength(1) @MaxLength(20000)
  minutes: string;
}

export class ResponsibleDto {
  @ApiProperty({ enum: ['staff', 'unit', 'citizen'], example: 'citizen' })
  @IsIn(['staff', 'unit', 'citizen'])
  kind: 'staff' | 'unit' | 'citizen';

  @ApiPropertyOptional({ format: 'uuid', example: UUID_EXAMPLE, description: 'Staff member or unit id; absent for the citizen' })
  @IsOptional() @IsUUID()
  id?: string;
}

export class AddOutcomeDto {
  @ApiProperty({ enum: OUTCOME_KINDS, enumName: 'OutcomeKind', example: 'agreement', description: 'Agreements become plan agreements in the plan draft' })
  @IsIn(OUTCOME_KINDS)
  kind: OutcomeKind;

  @ApiProperty({ example: 'Anna besøger kantinen sammen med mentoren', maxLength: 2000 })
  @IsString() @MinLength(1) @MaxLength(2000)
  text: string;

  @ApiPropertyOptional({ type: ResponsibleDto, description: 'Who does it (default: the citizen)' })
  @IsOptional() @ValidateNested() @Type(() => ResponsibleDto)
  responsible?: ResponsibleDto;

  @ApiPropertyOptional({ example: '2026-02-01', description: 'By when (YYYY-MM-DD)' })
  @IsOptional() @Matches(DATE_ONLY, { message: 'due must be a calendar date (YYYY-MM-DD)' }) @IsISO8601({ strict: true })
  due?: string;

  @ApiPropertyOptional({
    enum: LEGAL_AREAS, enumName: 'LegalArea',
    example: 'employment',
    description:
      'For a decision (required unless legalBasis names it): the legal area it is made under. Whoever records it needs decision authority there under the rules of the course’s model ' +
      '(the core: authority in the area; a plugin may set its own), else 422 with the rule’s code (default plugin.decision-authority). A decision without an area: 400 decision.legal-area-missing. Not for agreements',
  })
  @IsOptional() @IsIn(LEGAL_AREAS)
  legalArea?: LegalArea;

  @ApiPropertyOptional({
    example: 'SEL-85',
    maxLength: 40,
    description:
      'For a decision: the legal basis (GET /legal-bases) it is made under; its legal area follows from it (422 decision.legal-basis-unknown, decision.legal-area-mismatch). Not for agreements',
  })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(40)
  legalBasis?: string;
}

export class PublishFromMeetingDto {
  @ApiProperty({ example: 'Opstartsmødet 12. januar: praktik aftalt.', maxLength: 2000, description: 'The meeting’s joint conclusions' })
  @IsString() @MinLength(1) @MaxLength(2000)
  changeSummary: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', example: [], description: `Of the change summary: ${CONCERNS_DESCRIPTION}` })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsUUID('all', { each: true })
  changeSummaryConcerns?: string[];

  @ApiPropertyOptional({ example: 1, minimum: 0, description: 'The version the draft starts from; alternative to If-Match' })
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000)
  baseVersion?: number;
}

export class MeetingsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: MEETING_STATUSES, enumName: 'MeetingStatus', example: 'planned', description: 'Only meetings in this status' })
  @IsOptional() @IsIn(MEETING_STATUSES)
  status?: MeetingStatus;
}

export class CalendarQuery {
  @ApiPropertyOptional({ example: 90, description: 'How many days back the feed reaches (default 90)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(3650)
  pastDays?: number;
}

export class ParticipantDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  id: string;
  @ApiProperty({ enum: PARTICIPANT_KINDS, enumName: 'ParticipantKind', example: 'staff' })
  kind: ParticipantKind;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', example: UUID_EXAMPLE })
  staffMemberId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', example: null })
  citizenId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Lars Berg', description: 'Name of an external or network participant' })
  name: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Psykiatrien Nord' })
  organisation: string | null;
  @ApiProperty({ type: [String], example: ['chair'] })
  roles: string[];
  @ApiProperty({ enum: ATTENDANCES, enumName: 'Attendance', example: 'invited' })
  attendance: Attendance;
}

export class AgendaItemDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  id: string;
  @ApiProperty({ type: 'integer', example: 1 })
  position: number;
  @ApiProperty({ example: 'Bolig og økonomi' })
  title: string;
  @ApiProperty({ type: [String], format: 'uuid', example: [], description: 'Household members it concerns' })
  concerns: string[];
}

export class OutcomeDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  id: string;
  @ApiProperty({ enum: OUTCOME_KINDS, enumName: 'OutcomeKind', example: 'agreement' })
  kind: OutcomeKind;
  @ApiProperty({ example: 'Anna besøger kantinen sammen med mentoren' })
  text: string;
  @ApiProperty({ type: ResponsibleDto, nullable: true, example: { kind: 'citizen' } })
  responsible: ResponsibleDto | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-02-01' })
  due: string | null;
  @ApiProperty({ enum: LEGAL_AREAS, enumName: 'LegalArea', nullable: true, example: 'social-adults', description: 'For a decision: the legal area it was made under' })
  legalArea: LegalArea | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'For a decision: the legal-basis code it was made under, when named' })
  legalBasis: string | null;
}

export class WarningDto {
  @ApiProperty({ example: 'meeting.staff-overlap', description: 'A stable code; the write succeeded anyway' })
  code: string;
  @ApiProperty({ example: 'The staff member has another meeting at the same time' })
  message: string;
  @ApiPropertyOptional({ format: 'uuid', example: UUID_EXAMPLE, description: 'The staff member concerned' })
  staffMemberId?: string;
  @ApiPropertyOptional({ type: [String], example: [UUID_EXAMPLE], description: 'The meetings that overlap' })
  meetingIds?: string[];
}

export class MeetingDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  id: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', example: UUID_EXAMPLE, description: 'Null for a board meeting' })
  courseId: string | null;
  @ApiProperty({ type: [String], example: [], description: 'The courses a board meeting reviews' })
  courseIds: string[];
  @ApiProperty({ example: 'start-up' })
  type: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-01-12T09:00:00.000Z' })
  startsAt: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-01-12T10:30:00.000Z' })
  endsAt: string;
  @ApiProperty({ enum: PLACE_KINDS, enumName: 'PlaceKind', example: 'cafe' })
  placeKind: PlaceKind;
  @ApiProperty({ type: String, nullable: true, example: 'Café Gaden' })
  placeText: string | null;
  @ApiProperty({ example: false, description: 'placeText is written for staff calendars and shows in feeds' })
  placeStaffFacing: boolean;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'The video link of an online or hybrid meeting' })
  onlineLink: string | null;
  @ApiProperty({ type: 'integer', example: 0, description: 'The calendar SEQUENCE: raised by each move and by the cancellation' })
  sequence: number;
  @ApiProperty({ enum: MEETING_STATUSES, enumName: 'MeetingStatus', example: 'planned' })
  status: MeetingStatus;
  @ApiProperty({ type: String, nullable: true, example: null })
  minutes: string | null;
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  createdBy: string;
  @ApiProperty({ type: [ParticipantDto] })
  participants: ParticipantDto[];
  @ApiProperty({ type: [AgendaItemDto] })
  agenda: AgendaItemDto[];
  @ApiProperty({ type: [OutcomeDto] })
  outcomes: OutcomeDto[];
  @ApiPropertyOptional({ type: [WarningDto], description: 'Things worth a look that did not block the write, e.g. meeting.staff-overlap' })
  warnings?: WarningDto[];
}

export class MeetingPageDto extends PageOf(MeetingDto, 'meetings') {}

export class ParticipantWithWarningsDto extends ParticipantDto {
  @ApiPropertyOptional({ type: [WarningDto], description: 'e.g. meeting.staff-overlap' })
  warnings?: WarningDto[];
}

/** The plan draft a meeting's outcome was saved into: the draft as `GET …/plan/draft` answers it, plus where it came from. */
export class MeetingPlanDraftDto extends PlanDraftDto {
  @ApiProperty({ format: 'uuid', description: 'The course whose plan draft it is' })
  courseId: string;

  @ApiProperty({ format: 'uuid', description: 'The meeting whose outcome was added' })
  meetingId: string;
}
