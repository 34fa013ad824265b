import { TEAM_ROLES } from '@enplan/core/courses';
import { DEFAULT_CADENCE_POLICY } from '@enplan/core/cadence';
import { MEETING_TYPE_LABELS, MEETING_TYPES } from '@enplan/core/meeting-rules';
import type { CoreCatalogue, Label, PluginDefinition, RoleDefinition } from '@enplan/core/extensions';
import type { SchemaParts } from '@enplan/core/database';
import { coreEntities, coreMigrations } from './core-schema.js';

const MEETING_TYPE_EN: Record<string, string> = {
  'start-up': 'Start-up meeting',
  network: 'Network meeting',
  plan: 'Plan meeting',
  joint: 'Joint meeting',
  team: 'Team meeting',
  board: 'Board meeting',
  'step-up': 'Step-Up meeting',
  're-review': 'Re-review meeting',
  transition: 'Transition meeting',
};

const TEAM_ROLE_LABELS: Record<(typeof TEAM_ROLES)[number], Label> = {
  coordinator: { da: 'Koordinator', en: 'Coordinator' },
  caseworker: { da: 'Sagsbehandler', en: 'Caseworker' },
  buddy: { da: 'Makker', en: 'Buddy' },
  'primary-contact': { da: 'Primær kontaktperson', en: 'Primary contact' },
  provider: { da: 'Udfører', en: 'Provider' },
  'external-participant': { da: 'Ekstern deltager', en: 'External participant' },
};

const CORE_MEETING_ROLES: RoleDefinition[] = [
  { id: 'chair', kind: 'meeting', label: { da: 'Mødeleder', en: 'Chair' } },
  { id: 'note-taker', kind: 'meeting', label: { da: 'Referent', en: 'Note-taker' } },
];

/**
 * The core's own entries of the plugin catalogue data: meeting types from meeting-rules, the cadence default
 * from the cadence lib, team roles from the courses lib. The registry (which those libs depend on) gets them here.
 */
export function coreCatalogue(): CoreCatalogue {
  return {
    meetingTypes: MEETING_TYPES.map((id) => ({ id, label: { da: MEETING_TYPE_LABELS[id] ?? id, en: MEETING_TYPE_EN[id] ?? id } })),
    roles: [...TEAM_ROLES.map((id): RoleDefinition => ({ id, kind: 'team', label: TEAM_ROLE_LABELS[id] })), ...CORE_MEETING_ROLES],
    cadencePolicy: DEFAULT_CADENCE_POLICY,
  };
}

/** One DataSource's schema: the core's entities and migrations plus those of the given (active) plugins. */
export function hostSchema(plugins: readonly PluginDefinition[]): SchemaParts {
  return {
    entities: [...coreEntities, ...plugins.flatMap((p) => p.entities ?? [])],
    migrations: [...coreMigrations, ...plugins.flatMap((p) => p.migrations ?? [])],
  };
}
