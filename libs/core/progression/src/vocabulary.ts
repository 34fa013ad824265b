/** When a measurement is taken in the course: at activation, every N months, at closing, or outside the schedule. */
export const MEASUREMENT_OCCASIONS = ['baseline', 'follow-up', 'end', 'extra'] as const;
export type MeasurementOccasion = (typeof MEASUREMENT_OCCASIONS)[number];

/** A measurement is started, filled in (partial saves), then completed; a scheduled one may be skipped with a reason. */
export const MEASUREMENT_STATUSES = ['in-progress', 'completed', 'skipped'] as const;
export type MeasurementStatus = (typeof MEASUREMENT_STATUSES)[number];

/** Where a registered instrument came from (shipped ones live in code, `@enplan/core/progression-instruments`). */
export const INSTRUMENT_SOURCES = ['shipped', 'municipality', 'plugin'] as const;
export type InstrumentSource = (typeof INSTRUMENT_SOURCES)[number];

/** Default months between follow-ups (the trial's rhythm). */
export const DEFAULT_FOLLOW_UP_MONTHS = 6;

/** Management figures hide every cell with fewer citizens than this, so no one can be recognised. */
export const SUPPRESSION_THRESHOLD = 5;
