import { ApiProperty } from '@nestjs/swagger';
import { LEGAL_AREAS, TEAM_ROLES, UNIT_KINDS, type LegalArea, type UnitKind } from '@enplan/plugin-api';

const STAFF_ID = '00000000-0000-4000-8000-0000000000a1';
const UNIT_ID = '8a1f7c8e-2d34-4c55-9b0e-1f2a3b4c5d6e';
const MEETING_ID = '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60';

export class CoordinatorDto {
  @ApiProperty({ format: 'uuid', example: STAFF_ID, description: 'Staff member id' })
  staffMemberId: string;

  @ApiProperty({ example: 'Anne Holm', description: "The coordinator's name" })
  name: string;

  @ApiProperty({ format: 'uuid', example: UNIT_ID, description: "The coordinator's unit" })
  unitId: string;

  @ApiProperty({ enum: UNIT_KINDS, enumName: 'UnitKind', example: 'job-centre', description: "The unit's kind" })
  unitKind: UnitKind;

  @ApiProperty({ format: 'date', example: '2026-01-05', description: 'Coordinator since' })
  since: string;

  @ApiProperty({ enum: LEGAL_AREAS, enumName: 'LegalArea', isArray: true, example: ['employment'], description: 'Areas in which the coordinator holds statutory authority' })
  authorityAreas: LegalArea[];

  @ApiProperty({
    enum: LEGAL_AREAS, enumName: 'LegalArea',
    isArray: true,
    example: ['employment', 'active-social-policy'],
    description: 'Areas the coordinator may decide in on this course: their own plus the setting extraCoordinatorAreas',
  })
  decidesIn: LegalArea[];
}

export class AuthorityHolderDto {
  @ApiProperty({ format: 'uuid', example: STAFF_ID, description: 'Staff member id' })
  staffMemberId: string;

  @ApiProperty({ example: 'Sofie Berg', description: "The authority holder's name" })
  name: string;

  @ApiProperty({ enum: TEAM_ROLES, enumName: 'TeamRole', isArray: true, example: ['caseworker'], description: 'Their roles on the course' })
  roles: string[];

  @ApiProperty({ format: 'uuid', example: UNIT_ID, description: 'Their unit' })
  unitId: string;

  @ApiProperty({ enum: UNIT_KINDS, enumName: 'UnitKind', example: 'adult-social', description: "The unit's kind" })
  unitKind: UnitKind;

  @ApiProperty({ example: false, description: 'Whether this is the course’s coordinator' })
  isCoordinator: boolean;
}

export class AuthorityAreaDto {
  @ApiProperty({ enum: LEGAL_AREAS, enumName: 'LegalArea', example: 'social-adults', description: 'A legal area' })
  legalArea: LegalArea;

  @ApiProperty({ type: [AuthorityHolderDto], description: 'Team members holding statutory authority in it, each once' })
  holders: AuthorityHolderDto[];
}

export class TeamProblemDto {
  @ApiProperty({ example: 'authority-holder-from-other-unit', description: 'The rule' })
  rule: string;

  @ApiProperty({ example: 'plan-coordinator.authority-holder-required', description: 'The problem code a refusal carries' })
  code: string;

  @ApiProperty({ example: "The departments keep their authority: the team needs at least one member holding statutory authority in another unit than the coordinator's" })
  message: string;
}

export class ConsentSummaryDto {
  @ApiProperty({ example: true, description: 'An information-sharing consent is in force today (activation needs one)' })
  informationSharing: boolean;

  @ApiProperty({ example: true, description: 'A consent to take part is in force today' })
  participation: boolean;

  @ApiProperty({ type: 'integer', example: 1, description: 'Information-sharing consents in force' })
  inForce: number;

  @ApiProperty({ type: [String], format: 'uuid', example: [UNIT_ID], description: 'Units the consents in force name' })
  coveredUnitIds: string[];

  @ApiProperty({ type: [String], format: 'uuid', example: [], description: "Units of the current team that no consent in force names" })
  uncoveredTeamUnitIds: string[];
}

export class StartUpDto {
  @ApiProperty({ example: 'plan-coordinator-start-up', description: 'The cadence rule' })
  rule: string;

  @ApiProperty({ type: 'integer', example: 14, description: 'Days after activation (setting startUpWithinDays)' })
  withinDays: number;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-01-19', description: 'Due by; null before activation and once the meeting has taken place' })
  dueOn: string | null;

  @ApiProperty({ example: false, description: 'Past its due date and not held' })
  overdue: boolean;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null, description: 'The start-up meeting that took place since activation' })
  heldMeetingId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: MEETING_ID, description: 'A planned start-up meeting on or before the due date' })
  scheduledMeetingId: string | null;

  @ApiProperty({
    type: Boolean,
    nullable: true,
    example: true,
    description: 'Whether the coordinator chairs the held (else the scheduled) start-up meeting, wearing the role chair or stafetholder; null when there is none',
  })
  chairedByCoordinator: boolean | null;
}

export class NetworkDto {
  @ApiProperty({ example: 'plan-coordinator-network', description: 'The cadence rule' })
  rule: string;

  @ApiProperty({ type: 'integer', example: 90, description: 'Days between network meetings (setting networkMeetingEveryDays)' })
  everyDays: number;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-04-05', description: 'The next network meeting is due by; null before activation' })
  dueOn: string | null;

  @ApiProperty({ example: false, description: 'Past its due date' })
  overdue: boolean;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null, description: 'The last network meeting that took place' })
  lastMeetingId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: MEETING_ID, description: 'A planned network meeting on or before the due date' })
  scheduledMeetingId: string | null;
}

export class PlanSummaryDto {
  @ApiProperty({ type: 'integer', example: 2, description: 'The current plan version; 0 before the first is published' })
  currentVersion: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-01-20T10:00:00.000Z', description: 'When the current version was published' })
  publishedAt: string | null;

  @ApiProperty({ type: Boolean, nullable: true, example: true, description: 'Whether a current coordinator published it (the coordinator keeps the plan); null before the first' })
  publishedByCoordinator: boolean | null;
}

export class CoordinationDto {
  @ApiProperty({ format: 'uuid', example: '5b8f0e4a-1c2d-4e3f-9a0b-1c2d3e4f5a6b', description: 'Course id' })
  courseId: string;

  @ApiProperty({ example: 'active', description: 'The course status' })
  status: string;

  @ApiProperty({ example: 'adults', description: 'The target group' })
  targetGroup: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-01-05', description: 'First activation' })
  activatedOn: string | null;

  @ApiProperty({ type: [CoordinatorDto], description: 'The coordinator (two only while the baton passes from one to the next)' })
  coordinators: CoordinatorDto[];

  @ApiProperty({ type: [AuthorityAreaDto], description: 'Team members holding statutory authority, by legal area: the departments keep their authority' })
  authorityHolders: AuthorityAreaDto[];

  @ApiProperty({ type: [TeamProblemDto], description: "What the model's team rules find wrong with the current team (empty: none)" })
  teamProblems: TeamProblemDto[];

  @ApiProperty({ type: ConsentSummaryDto })
  consent: ConsentSummaryDto;

  @ApiProperty({
    type: [String],
    example: ['coordinator-required', 'consent-before-activation'],
    description: "The model's rules that would refuse activation now (team rules and consent; the core's caps are checked too)",
  })
  activationBlockers: string[];

  @ApiProperty({ type: StartUpDto })
  startUp: StartUpDto;

  @ApiProperty({ type: NetworkDto })
  network: NetworkDto;

  @ApiProperty({ type: PlanSummaryDto })
  plan: PlanSummaryDto;
}
