import { readFileSync } from 'node:fs';
import { plainToInstance, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, IsString, IsUrl, Matches, MaxLength, ValidateNested, validateSync, type ValidationError } from 'class-validator';

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
