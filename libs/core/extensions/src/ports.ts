import type { DeepPartial, FindManyOptions, FindOneOptions, FindOptionsWhere, ObjectLiteral, Repository } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import type { CourseFacts, PlanContentFacts, StaffFacts, TeamMemberFacts } from './extension-points.js';
import type { UnitKind } from '@enplan/core/organisation';

/**
 * Read ports: what a plugin may know of the core's records, as facts, each port bound to the caller's
 * transaction and municipality. A plugin never names a core table; the core answers here, with its own
 * rules (what "current team", "consent in force", "course ended" and the caseload cap mean) in one place.
 */

export interface CoursesPort {
  /** The course, when it is the municipality's; null otherwise (also for a malformed id). */
  get(courseId: string): Promise<CourseFacts | null>;
  /**
   * The course, with its row locked until the transaction ends, as the core locks it for its own status and
   * team changes: a plugin write that must not race those takes this first. Null when there is no such course.
   */
  lockCourse(courseId: string): Promise<CourseFacts | null>;
}

export interface TeamPort {
  /** The course's team on `on` (YYYY-MM-DD, default today): assignments started by then and not ended before, oldest first. */
  current(courseId: string, on?: string): Promise<TeamMemberFacts[]>;
}

export interface StaffPort {
  get(staffMemberId: string): Promise<StaffFacts | null>;
  /** By id; unknown ids (or another municipality's) are absent. */
  byIds(staffMemberIds: readonly string[]): Promise<Map<string, StaffFacts>>;
}

export interface OrgUnitFacts {
  readonly id: string;
  readonly name: string;
  readonly kind: UnitKind;
}

export interface OrgUnitsPort {
  byIds(unitIds: readonly string[]): Promise<Map<string, OrgUnitFacts>>;
}

export interface ConsentFacts {
  readonly id: string;
  readonly citizenId: string;
  /** participation, information-sharing. */
  readonly kind: string;
  /** written, digital, oral. */
  readonly form: string;
  readonly partyUnitIds: readonly string[];
  readonly categories: readonly string[];
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly revokedAt: Date | null;
  /** In force on the day asked about (default today) and not revoked by now: the core's rule. */
  readonly inForce: boolean;
}

export interface ConsentsPort {
  /** Every consent of the course (revoked and lapsed ones too), with `inForce` computed for `on` (default today). */
  ofCourse(courseId: string, on?: string): Promise<ConsentFacts[]>;
  /** Per unit, the information categories the information-sharing consents in force on `on` let it see. */
  sharedCategoriesByUnit(courseId: string, on?: string): Promise<Record<string, string[]>>;
}

export interface MeetingParticipantFacts {
  /** staff, citizen, external. */
  readonly kind: string;
  readonly staffMemberId: string | null;
  readonly citizenId: string | null;
  readonly roles: readonly string[];
  /** invited, accepted, declined, attended, no-show. */
  readonly attendance: string;
}

export interface MeetingFacts {
  readonly id: string;
  readonly courseId: string | null;
  readonly type: string;
  readonly startsAt: Date;
  /** The Danish day the meeting starts on. */
  readonly day: string;
  /** planned, held, cancelled. */
  readonly status: string;
  readonly participants: readonly MeetingParticipantFacts[];
}

export interface MeetingsPort {
  get(meetingId: string): Promise<MeetingFacts | null>;
  /** The course's meetings (of `types`, when given), oldest first. */
  ofCourse(courseId: string, types?: readonly string[]): Promise<MeetingFacts[]>;
}

export interface PlanFacts {
  /** 0 when nothing is published yet. */
  readonly currentVersion: number;
  readonly publishedAt: Date | null;
  readonly authorId: string | null;
  readonly content: PlanContentFacts | null;
}

export interface PlanPort {
  current(courseId: string): Promise<PlanFacts>;
}

export interface CaseloadFacts {
  readonly staffMemberId: string;
  readonly fte: number;
  readonly modelId: string;
  readonly capPerFte: number | null;
  /** The cap for this person (`caseloadCap`); null when the model has none. */
  readonly cap: number | null;
  /** Active courses of the model on which the person holds a capped role (what the cap counts). */
  readonly activeCourses: number;
  /** Active courses of the model per role the person holds on them. */
  readonly byRole: Readonly<Record<string, number>>;
}

export interface CaseloadPort {
  /** Null when the staff member is not the municipality's. */
  of(staffMemberId: string, modelId: string): Promise<CaseloadFacts | null>;
}

export interface CitizenDisplayFacts {
  readonly id: string;
  /** For documents the citizen signs; never for logs, URLs or calendar text. */
  readonly name: string;
}

export interface CitizensPort {
  display(citizenId: string): Promise<CitizenDisplayFacts | null>;
}

/** The core's records, read through the caller's transaction and municipality. */
export interface CorePorts {
  readonly courses: CoursesPort;
  readonly team: TeamPort;
  readonly staff: StaffPort;
  readonly orgUnits: OrgUnitsPort;
  readonly consents: ConsentsPort;
  readonly meetings: MeetingsPort;
  readonly plan: PlanPort;
  readonly caseload: CaseloadPort;
  readonly citizens: CitizensPort;
}

/**
 * The plugin's own tables, in the caller's transaction. Only entities the plugin declares (`entities` of its
 * definition) are reachable: naming another class throws. Every read and write is the caller's municipality's
 * to filter on (the entities carry municipality_id).
 */
export interface PluginDb {
  repository<T extends ObjectLiteral>(entity: new () => T): Repository<T>;
  find<T extends ObjectLiteral>(entity: new () => T, options?: FindManyOptions<T>): Promise<T[]>;
  findOne<T extends ObjectLiteral>(entity: new () => T, options: FindOneOptions<T>): Promise<T | null>;
  exists<T extends ObjectLiteral>(entity: new () => T, options?: FindManyOptions<T>): Promise<boolean>;
  insert<T extends ObjectLiteral>(entity: new () => T, values: DeepPartial<NoInfer<T>> | DeepPartial<NoInfer<T>>[]): Promise<{ identifiers: ObjectLiteral[] }>;
  update<T extends ObjectLiteral>(entity: new () => T, where: FindOptionsWhere<NoInfer<T>>, values: DeepPartial<NoInfer<T>>): Promise<void>;
  save<T extends ObjectLiteral>(entity: new () => T, value: DeepPartial<NoInfer<T>>): Promise<T>;
}

/** Appends to the core's access log, as the plugin (the record type is prefixed with the plugin id). */
export interface PluginAudit {
  record(e: { operation: 'read' | 'write'; recordType: string; recordId?: string | null; courseIds?: readonly string[]; citizenIds?: readonly string[]; reason?: string | null }): Promise<void>;
}

/** A logger tagged with the plugin id. Never log names, CPR numbers or health details. */
export interface PluginLogger {
  log(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

/** What a plugin works with: its settings, its tables, the core's facts, the log and the audit trail. */
export interface PluginScope<S = unknown> {
  readonly pluginId: string;
  readonly municipalityId: string;
  readonly municipalityCode: string;
  readonly settings: S;
  readonly now: Date;
  /** Danish date of `now`. */
  readonly today: string;
  readonly db: PluginDb;
  readonly core: CorePorts;
  readonly audit: PluginAudit;
  readonly logger: PluginLogger;
}

/** Where a scope's reads and writes go: the core's transaction (`em` of the core, never handed to the plugin). */
export interface ScopeBinding {
  pluginId: string;
  municipalityId: string;
  municipalityCode: string;
  /** The core's transaction manager; opaque to plugins. */
  tx: unknown;
  principal: Principal | null;
  settings: unknown;
  now: Date;
}

/**
 * For a plugin's own services (its routes): a scope for the caller, outside or inside a new transaction. The
 * host provides it globally; inject it by this class.
 */
export abstract class PluginHost {
  /** Reads outside a transaction (each read on its own). */
  abstract scope<S = unknown>(pluginId: string, principal: Principal): PluginScope<S>;
  /** One transaction: every read and write of `fn` through its scope commits or rolls back together. */
  abstract transaction<S, T>(pluginId: string, principal: Principal, fn: (scope: PluginScope<S>) => Promise<T>): Promise<T>;
  /** For the registry: a scope over the core's running transaction (extension points). */
  abstract bind<S>(binding: ScopeBinding): PluginScope<S>;
}
