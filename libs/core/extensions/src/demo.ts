import type { PluginDb } from './ports.js';
import type { LegalArea, StaffFunction, UnitKind } from '@enplan/core/organisation';

/**
 * The demo extension point: a model plugin may bring its own demo municipality, modelled on a municipality that
 * ran the model, with data that shows the model at work. `npm start` without a deployment file serves the core's
 * demo municipality (999) plus every catalogue plugin's demo municipality with the plugin enabled there, and
 * plants each one's data once. The host never imports a plugin, so the data must come from the plugin; it plants
 * it through the small seeding API below (the core writes its own records), and writes only its own tables itself.
 */
export interface PluginDemo<S = unknown> {
  /**
   * The demo municipality: a three-digit code no real municipality has (the real ones run 101–860; the demos use
   * 99x), a name saying it is a demo, and the plugin's settings there (those of the municipality it is modelled on).
   */
  municipality: { code: string; name: string; settings?: Record<string, unknown> };
  /**
   * The demo staff with fixed ids, so `enplan token --municipality <code>` mints a token for a real staff member
   * without opening the database. The first is the default of that command.
   */
  users: readonly [DemoUser, ...DemoUser[]];
  /** Plants the demo data, inside the core's transaction, on the first start only. */
  seed(ctx: DemoSeedContext<S>): Promise<void>;
}

export interface DemoUser {
  /** A fixed uuid; `seed` must create the staff member with it (`ctx.staff({ id })`). */
  id: string;
  /** The token's roles, e.g. `['caseworker']` or `['manager']`. */
  roles: readonly string[];
  /** Who they are in the demo, for the CLI and the README. */
  description: string;
}

export interface DemoUnitInput {
  kind: UnitKind;
  name: string;
}

export interface DemoStaffInput {
  /** A fixed id (a demo user's); generated when omitted. */
  id?: string;
  name: string;
  unitId: string;
  function: StaffFunction;
  authorityAreas?: LegalArea[];
  isProvider?: boolean;
  fte?: number;
}

export interface DemoCitizenInput {
  /** A well-formed but invented CPR number (DDMMYYSSSS). */
  cpr: string;
  name: string;
  contactChannel?: 'digital-post' | 'email' | 'phone' | 'letter';
}

/** One step of the course's status history, oldest first; the last is the course's status. */
export interface DemoCourseStep {
  status: 'referred' | 'assessed' | 'active' | 'paused' | 'closed' | 'declined';
  /** Days from today (negative: in the past). */
  day: number;
  reason: string;
}

export interface DemoCourseInput {
  citizenId: string;
  targetGroup: 'adults' | 'youth' | 'families';
  /** A value of REFERRAL_REASONS. */
  referralReasonCode: string;
  referralReason: string;
  referredBy: string;
  /** Who made the transitions and the team assignments. */
  actorId: string;
  history: readonly [DemoCourseStep, ...DemoCourseStep[]];
}

export interface DemoConsentInput {
  courseId: string;
  citizenId: string;
  kind: 'participation' | 'information-sharing';
  partyUnitIds?: string[];
  purpose: string;
  /** `general` plus legal areas. */
  categories: string[];
  /** Days from today. */
  validFromDay: number;
  validToDay?: number;
  form: 'written' | 'digital' | 'oral-witnessed';
  witness?: string;
  recordedBy: string;
}

export interface DemoParticipantInput {
  kind: 'staff' | 'citizen' | 'network';
  staffMemberId?: string;
  citizenId?: string;
  /** For a network participant. */
  name?: string;
  roles?: string[];
  attendance?: 'invited' | 'accepted' | 'declined' | 'attended' | 'no-show';
}

export interface DemoMeetingInput {
  courseId: string;
  /** A meeting type of the municipality's catalogue (the core's or a plugin's). */
  type: string;
  /** Days from today, and the Danish wall-clock time (default 10:00). */
  day: number;
  time?: string;
  durationMinutes?: number;
  placeKind: 'town-hall' | 'citizen-home' | 'provider-site' | 'cafe' | 'online' | 'other';
  /** `held` needs minutes; a meeting in the future stays `planned`. */
  status: 'planned' | 'held';
  minutes?: string;
  createdBy: string;
  participants: DemoParticipantInput[];
}

export interface DemoPlanVersionInput {
  /** Days from today. */
  day: number;
  authorId: string;
  changeSummary: string;
  /** The plan content, in the shape `POST /courses/{id}/plan/versions` takes. */
  content: unknown;
  /** The meeting whose outcome the version records. */
  sourceMeetingId?: string;
}

/**
 * What a plugin's demo seed may do. The core writes its own records (the plugin never touches core tables);
 * the plugin writes its own tables through `db`, the same transaction. Days are counted from today on the clock,
 * so the demo's state (what is due, what is overdue) is the same whenever it is planted.
 */
export interface DemoSeedContext<S = unknown> {
  readonly municipalityCode: string;
  readonly municipalityId: string;
  readonly pluginId: string;
  /** The plugin's validated settings in the demo municipality. */
  readonly settings: S;
  readonly now: Date;
  /** The plugin's own tables (only its declared entities), in the seeding transaction. */
  readonly db: PluginDb;
  /** Today plus `offset` days, as a Danish calendar date (YYYY-MM-DD). */
  day(offset: number): string;
  unit(input: DemoUnitInput): Promise<{ id: string }>;
  staff(input: DemoStaffInput): Promise<{ id: string }>;
  citizen(input: DemoCitizenInput): Promise<{ id: string }>;
  /** A course of the plugin's model with its status history. */
  course(input: DemoCourseInput): Promise<{ id: string }>;
  /** A team assignment from `startsOnDay` (days from today). */
  team(courseId: string, staffMemberId: string, role: string, startsOnDay: number, assignedBy: string): Promise<void>;
  consent(input: DemoConsentInput): Promise<{ id: string }>;
  meeting(input: DemoMeetingInput): Promise<{ id: string }>;
  /** The plan with its versions, oldest first. */
  plan(courseId: string, versions: readonly DemoPlanVersionInput[]): Promise<void>;
}
