import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { TenantEntity } from '@enplan/core/database';
import { Citizen } from '@enplan/core/citizens';
import { Course } from '@enplan/core/courses';
import { LEGAL_AREAS, StaffMember, type LegalArea } from '@enplan/core/organisation';
import {
  ATTENDANCES,
  CONTACT_KINDS,
  MEETING_STATUSES,
  OUTCOME_KINDS,
  PARTICIPANT_KINDS,
  PLACE_KINDS,
  type Attendance,
  type ContactKind,
  type MeetingStatus,
  type OutcomeKind,
  type ParticipantKind,
  type PlaceKind,
} from '@enplan/core/meeting-rules';

/** Who is responsible for an outcome, in the plan's terms. */
export interface OutcomeResponsible {
  kind: 'staff' | 'unit' | 'citizen';
  id?: string;
}

/** A meeting on one course, or (board meetings) over several courses listed in `meeting_course`. */
@Entity({ name: 'meeting' })
@Index('ix_meeting_municipality_starts_at', ['municipalityId', 'startsAt'])
export class Meeting extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The course; null for a board meeting spanning several courses. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  courseId: string | null;

  @ManyToOne(() => Course, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  /** A type from the catalogue (core types plus those plugins add). */
  @Column({ type: 'varchar', length: 40 })
  type: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'enum', enum: PLACE_KINDS, enumName: 'meeting_place_kind' })
  placeKind: PlaceKind;

  @Column({ type: 'varchar', length: 300, nullable: true })
  placeText: string | null;

  /**
   * The staff member wrote `placeText` for staff calendars (a room, a building). Calendars leak (shared,
   * synced to phones), and a place name can reveal treatment ("Rusmiddelcenter Nord"): unless this is set,
   * feeds show only the place kind. The citizen's invitation always shows the place.
   */
  @Column({ type: 'boolean', default: false })
  placeStaffFacing: boolean;

  /** The video link for an online (or hybrid) meeting; in invitations and the API, never in calendar feeds. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  onlineLink: string | null;

  /**
   * RFC 5545 SEQUENCE: raised by every reschedule and by the cancellation, so calendar clients replace their
   * copy of the event (same UID) instead of keeping a stale one.
   */
  @Column({ type: 'int', default: 0 })
  sequence: number;

  @Column({ type: 'enum', enum: MEETING_STATUSES, enumName: 'meeting_status', default: 'planned' })
  status: MeetingStatus;

  @Column({ type: 'text', nullable: true })
  minutes: string | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** The courses a (board) meeting covers. */
@Entity({ name: 'meeting_course' })
export class MeetingCourse extends TenantEntity {
  @PrimaryColumn({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @Index()
  @PrimaryColumn({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'course_id' })
  course?: Course;
}

/** Someone invited to a meeting: a staff member, the citizen, an external person or one of the citizen's network. */
@Entity({ name: 'meeting_participant' })
export class MeetingParticipant extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @Column({ type: 'enum', enum: PARTICIPANT_KINDS, enumName: 'participant_kind' })
  kind: ParticipantKind;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  staffMemberId: string | null;

  @ManyToOne(() => StaffMember, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'staff_member_id' })
  staffMember?: StaffMember;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  citizenId: string | null;

  @ManyToOne(() => Citizen, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'citizen_id' })
  citizen?: Citizen;

  /** For external and network participants. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  organisation: string | null;

  /** chair, note-taker, and free roles such as explorer, captain, witness. */
  @Column({ type: 'text', array: true, default: '{}' })
  roles: string[];

  @Column({ type: 'enum', enum: ATTENDANCES, enumName: 'attendance', default: 'invited' })
  attendance: Attendance;
}

@Entity({ name: 'agenda_item' })
export class AgendaItem extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** Household members it concerns (family courses): disclosed to them by the rule, without a review. */
  @Column({ type: 'uuid', array: true, default: '{}' })
  concerns: string[];
}

/** An agreement or decision made at a meeting; agreements become plan agreements in the next plan draft. */
@Entity({ name: 'meeting_outcome' })
export class MeetingOutcome extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @Column({ type: 'enum', enum: OUTCOME_KINDS, enumName: 'meeting_outcome_kind' })
  kind: OutcomeKind;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'jsonb', nullable: true })
  responsible: OutcomeResponsible | null;

  @Column({ type: 'date', nullable: true })
  due: string | null;

  /** For a decision: the legal area it is made under (who records it needs authority there). */
  @Column({ type: 'enum', enum: LEGAL_AREAS, enumName: 'legal_area', nullable: true })
  legalArea: LegalArea | null;

  /** For a decision: the legal-basis code (law and paragraph) it is made under, when named. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  legalBasis: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A logged contact with the citizen: a meeting, call, SMS, e-mail or home visit. */
@Entity({ name: 'contact' })
@Index('ix_contact_course_at', ['courseId', 'at'])
export class Contact extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ type: 'enum', enum: CONTACT_KINDS, enumName: 'contact_kind' })
  kind: ContactKind;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Index()
  @Column({ type: 'uuid' })
  staffMemberId: string;

  @ManyToOne(() => StaffMember, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'staff_member_id' })
  staffMember?: StaffMember;

  /** Every staff member who took part, the first being `staffMemberId` (who leads the contact). */
  @Column({ type: 'uuid', array: true, default: '{}' })
  staffMemberIds: string[];

  @Column({ type: 'text' })
  note: string;

  /** Household members it concerns (family courses): disclosed to them by the rule, without a review. */
  @Column({ type: 'uuid', array: true, default: '{}' })
  concerns: string[];

  @Column({ type: 'enum', enum: LEGAL_AREAS, enumName: 'legal_area' })
  legalArea: LegalArea;

  /** The user (staff member or integration) who logged it. */
  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** An open point from a note, with an owner and a due date, linked to the next meeting where it is taken up. */
@Entity({ name: 'follow_up' })
export class FollowUp extends TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  contactId: string | null;

  @ManyToOne(() => Contact, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'contact_id' })
  contact?: Contact;

  @Column({ type: 'text' })
  text: string;

  /** Household members it concerns (family courses; none: those its contact concerns): disclosed to them by the rule, without a review. */
  @Column({ type: 'uuid', array: true, default: '{}' })
  concerns: string[];

  @Index()
  @Column({ type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => StaffMember, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'owner_id' })
  owner?: StaffMember;

  @Column({ type: 'date' })
  dueOn: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  nextMeetingId: string | null;

  @ManyToOne(() => Meeting, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'next_meeting_id' })
  nextMeeting?: Meeting;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
