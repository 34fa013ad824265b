import { readFileSync } from 'node:fs';
import { plainToInstance, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, ValidateNested, validateSync, type ValidationError } from 'class-validator';

export class PluginSelection {
  @IsString() @Matches(/^[a-z][a-z0-9-]*$/)
  id: string;

  @IsOptional() @IsObject()
  settings?: Record<string, unknown>;
}

/**
 * The sector systems a municipality's plan versions (and decisions) must reach (issue 15): the document-archive
 * drop, a FHIR endpoint, the job centre's system (the employment-plan extract), a generic JSON receiver, or a
 * system without an interface where staff enter the plan by hand (`manual`, counted as manual entry).
 */
export const SYNC_TARGET_KINDS = ['archive', 'fhir', 'employment-plan', 'json-push', 'manual'] as const;
export type SyncTargetKind = (typeof SYNC_TARGET_KINDS)[number];

export class SyncTargetSetting {
  /** The target's id in the sync ledger (stable: renaming it starts a new column of the ledger). */
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, { message: 'id must be lower-case letters, digits and hyphens (at most 40), e.g. "jobcenter"' })
  id: string;

  @IsIn(SYNC_TARGET_KINDS)
  kind: SyncTargetKind;

  /** Shown to staff, e.g. "Fasit" or "Acadre". */
  @IsOptional() @IsString() @MaxLength(80)
  label?: string;

  /** Where `fhir`, `employment-plan` and `json-push` POST to. */
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  url?: string;

  /**
   * The name of the environment variable that holds the target's Standard Webhooks signing secret (`whsec_…`):
   * requests to `url` are then signed (`webhook-id`, `webhook-timestamp`, `webhook-signature`). The secret itself
   * never sits in the deployment file.
   */
  @IsOptional() @Matches(/^[A-Z][A-Z0-9_]{0,99}$/, { message: 'secretEnv must name an environment variable, e.g. "ENPLAN_SYNC_PUSH_SECRET"' })
  secretEnv?: string;
}

/** A municipality's letterhead on letters (decision letters); what it leaves out comes from ENPLAN_LETTERHEAD_*. */
export class LetterheadDeployment {
  /** Default: the municipality's name. */
  @IsOptional() @IsString() @MaxLength(200)
  name?: string;

  /** Address lines, top to bottom. */
  @IsOptional() @IsArray() @IsString({ each: true }) @MaxLength(200, { each: true })
  address?: string[];

  /** A PNG or JPEG file, relative to the working directory. */
  @IsOptional() @IsString() @Matches(/\.(png|jpe?g)$/i, { message: 'logo must be the path of a .png or .jpg file' })
  logo?: string;
}

/** One measurement of a municipality's own schedule: an instrument, who answers it, and how often after the baseline. */
export class ProgressionScheduleRuleSetting {
  /** A shipped instrument, one of an enabled plugin's, or one the municipality registered (checked at start). */
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'instrumentId must be an instrument id, e.g. "wellbeing-ruler-adult"' })
  @MaxLength(60)
  instrumentId: string;

  /** A respondent type the instrument allows (checked at start), e.g. "citizen", "caseworker", "parent". */
  @IsString() @MaxLength(40)
  respondentType: string;

  /** Months between follow-ups (default 6, as in the national trial). */
  @IsOptional() @IsInt() @Min(1) @Max(36)
  everyMonths?: number;
}

/**
 * A municipality's progression schedule for one target group, for every model or for one (`model`), replacing the
 * default schedule there. An empty `rules` list turns scheduled measurement off for that group. The target group,
 * model, instruments and respondent types are checked against the running system at start (libs/core/progression).
 */
export class ProgressionScheduleSetting {
  @IsString() @MaxLength(40)
  targetGroup: string;

  @IsOptional() @IsString() @MaxLength(60)
  model?: string;

  @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ProgressionScheduleRuleSetting)
  rules: ProgressionScheduleRuleSetting[];
}

export class MunicipalityDeployment {
  @Matches(/^\d{3}$/, { message: 'code must be the three-digit municipality code' })
  code: string;

  @IsString() @MaxLength(200)
  name: string;

  @IsArray() @ValidateNested({ each: true }) @Type(() => PluginSelection)
  plugins: PluginSelection[] = [];

  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => SyncTargetSetting)
  sync?: SyncTargetSetting[];

  @IsOptional() @ValidateNested() @Type(() => LetterheadDeployment)
  letterhead?: LetterheadDeployment;

  /** Progression schedules that differ from the default (baseline at activation, every 6 months, at closing). */
  @IsOptional() @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => ProgressionScheduleSetting)
  progressionSchedules?: ProgressionScheduleSetting[];
}

/** What one installation serves: its municipalities and, per municipality, the enabled plugins. */
export class Deployment {
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => MunicipalityDeployment)
  municipalities: MunicipalityDeployment[];
}

export class DeploymentError extends Error {
  override name = 'DeploymentError';
}

/**
 * The core's demo municipality (999, the generic model): what tests boot by default. `npm start` without
 * ENPLAN_DEPLOYMENT_FILE adds the plugins' demo municipalities to it (`demoDeployment` in the host).
 */
export const DEMO_DEPLOYMENT: Deployment = {
  municipalities: [{ code: '999', name: 'Demo Kommune', plugins: [] }],
};

function describe(errors: ValidationError[], path = ''): string[] {
  return errors.flatMap((e) => {
    const here = path ? `${path}.${e.property}` : e.property;
    return [...Object.values(e.constraints ?? {}).map((m) => `${here}: ${m}`), ...describe(e.children ?? [], here)];
  });
}

export function parseDeployment(raw: unknown, source: string): Deployment {
  const d = plainToInstance(Deployment, raw);
  const errors = validateSync(d, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw new DeploymentError(`Invalid deployment ${source}:\n  - ${describe(errors).join('\n  - ')}`);
  const codes = d.municipalities.map((m) => m.code);
  const dup = codes.find((c, i) => codes.indexOf(c) !== i);
  if (dup) throw new DeploymentError(`Invalid deployment ${source}: municipality ${dup} is listed twice`);
  return d;
}

export function loadDeployment(file: string | undefined): Deployment {
  if (!file) return DEMO_DEPLOYMENT;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new DeploymentError(`Deployment file ${file} (ENPLAN_DEPLOYMENT_FILE) cannot be read`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new DeploymentError(`Deployment file ${file} is not valid JSON: ${(e as Error).message}`);
  }
  return parseDeployment(raw, file);
}
