/**
 * The only surface a plugin may import from the core (enforced by @nx/enforce-module-boundaries: a plugin
 * depends on `@enplan/plugin-api` and shared libs, never on a core lib). Everything exported here is a
 * stable contract. Start with `definePlugin({...})`; the README's "Plugins" section walks through it.
 */

// Declaring a plugin and its extension points.
export {
  definePlugin,
  tablePrefix,
  pascalId,
  SensitiveSetting,
  PLUGIN_API_VERSION,
  CORE_MODEL_ID,
  DEFAULT_CAPPED_ROLES,
  coreDecisionAuthority,
  mergeCadence,
  PluginHost,
  bootDeployment,
  type BootedDeployment,
  type RegistryOptions,
  isCourseEnded,
  caseloadCap,
  ExtensionErrorCode,
  type PluginDefinition,
  type PluginProblemCodes,
  type PluginExtensions,
  type EntityClass,
  type MigrationClass,
  type ExtensionContext,
  type HookContext,
  type LifecycleHooks,
  type Label,
  type StaffFacts,
  type CourseFacts,
  type TeamMemberFacts,
  type TeamFacts,
  type TeamChange,
  type TeamRuleProblem,
  type CitizenFacts,
  type HouseholdFacts,
  type EligibilityInput,
  type EligibilityResult,
  type AuthorityDecision,
  type DecisionAuthorityInput,
  type DecisionSite,
  type LegalBasisFacts,
  type WorkListContext,
  type SectorAdapter,
  type SectorAdapterContext,
  type SectorAdapterResult,
  type DomainEventFacts,
  type WorkListInput,
  type WorkListCourseFacts,
  type WorkListMeetingFacts,
  type CadenceDueFacts,
  type PluginWorkItem,
  type PluginWorkList,
  type CaseloadPolicy,
  type PlanActionFacts,
  type PlanContentFacts,
  type PlanPublishInput,
  type MeetingTypeDefinition,
  type RoleDefinition,
  type AccessRuleBuilder,
  type AccessRuleSubject,
  type CadenceRule,
  type CadenceSuppression,
  type CadencePolicy,
  type CadencePolicyContribution,
  type Sourced,
  // Plugin-scoped services and the core's read ports (bound to the caller's transaction and municipality).
  type PluginScope,
  type PluginDb,
  type PluginAudit,
  type PluginLogger,
  type CorePorts,
  type CoursesPort,
  type TeamPort,
  type StaffPort,
  type OrgUnitsPort,
  type OrgUnitFacts,
  type ConsentsPort,
  type ConsentFacts,
  type MeetingsPort,
  type MeetingFacts,
  type MeetingParticipantFacts,
  type PlanPort,
  type PlanFacts,
  type CaseloadPort,
  type CaseloadFacts,
  type CitizensPort,
  type CitizenDisplayFacts,
  type PluginDemo,
  type DemoUser,
  type DemoSeedContext,
  type DemoUnitInput,
  type DemoStaffInput,
  type DemoCitizenInput,
  type DemoCourseInput,
  type DemoCourseStep,
  type DemoConsentInput,
  type DemoMeetingInput,
  type DemoParticipantInput,
  type DemoPlanVersionInput,
} from '@enplan/core/extensions';

// Errors, time, tenancy.
export { DomainError, ProblemAnswers, type ErrorKind, type FieldProblem, type ProblemCodesByStatus } from '@enplan/core/common';
// A plugin's lists answer in the core's page shape (`items`, `total`, `limit`, `offset`), with the same query parameters.
export { page, PageOf, PageQuery, MAX_PAGE_SIZE, type Page } from '@enplan/core/common';
export { CLOCK, type Clock, danishDay, danishToday, addDays, addMonths } from '@enplan/shared/util';
export { TenantEntity } from '@enplan/core/database';

// The caller, and the access declarations every plugin route must carry (one per route, like the core's).
export {
  CurrentPrincipal,
  Public,
  CourseAccess,
  CitizenAccess,
  StaffRoute,
  COURSE_ACTIONS,
  ROLES,
  type Principal,
  type Role,
  type CourseAction,
  type CourseLocator,
  type CitizenLocator,
} from '@enplan/core/auth';

// Vocabularies plugins' rules are written in.
export { LEGAL_AREAS, STAFF_FUNCTIONS, UNIT_KINDS, EXTERNAL_UNIT_KINDS, type LegalArea, type StaffFunction, type UnitKind } from '@enplan/core/organisation';
export {
  TEAM_ROLES,
  COURSE_STATUSES,
  TARGET_GROUPS,
  REFERRAL_REASONS,
  OUTCOME_CODES,
  type TeamRole,
  type CourseStatus,
  type TargetGroup,
  type ReferralReason,
  type OutcomeCode,
} from '@enplan/core/courses';
export { MEETING_TYPES, type CoreMeetingType } from '@enplan/core/meeting-rules';
export { legalAreaOfBasis } from '@enplan/core/plans';
// The core's rules, as plain functions (one place per rule; the ports apply the same ones).
export { inForce as consentInForce } from '@enplan/core/courses';

// Progression instruments a plugin brings (`definePlugin({ instruments })`): the definition format, version 1, and its
// check (the same the host runs at boot), so a plugin's own test can prove its definitions valid.
export {
  validateDefinition as validateInstrumentDefinition,
  type InstrumentDefinition,
  type InstrumentItem,
  type ChoiceItem,
  type RulerItem,
  type TextItem,
  type AnswerScale,
  type ScaleOption,
  type SubscaleDefinition,
  type TotalDefinition,
  type RespondentRule,
  type RespondentType,
  type InstrumentSubject,
  type Direction,
  type ScoreMethod,
  type LocalisedText,
  type DefinitionCheck,
  type DefinitionIssue,
} from '@enplan/core/progression-instruments';
