import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

const SENSITIVE = Symbol.for('enplan.plugin.sensitive-settings');

/** Marks a setting whose value must not be shown (GET /deployment masks it). */
export function SensitiveSetting(): PropertyDecorator {
  return (target, key) => {
    const list: (string | symbol)[] = Reflect.getMetadata(SENSITIVE, target) ?? [];
    Reflect.defineMetadata(SENSITIVE, [...list, key], target);
  };
}

function sensitiveKeys(settings: object): Set<string | symbol> {
  return new Set((Reflect.getMetadata(SENSITIVE, settings) as (string | symbol)[] | undefined) ?? []);
}

function describe(errors: ValidationError[], path = ''): string[] {
  return errors.flatMap((e) => {
    const here = path ? `${path}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) =>
      rule === 'whitelistValidation' ? `setting "${here}" is not known` : `setting "${here}": ${message}`,
    );
    return [...own, ...describe(e.children ?? [], here)];
  });
}

export interface ValidatedSettings<S> {
  value: S;
  problems: string[];
}

/**
 * Validates one municipality's settings for a plugin: omitted settings take the class's defaults, unknown
 * ones are refused, and every problem names its setting (never the value, which may be a secret).
 */
export function validateSettings<S extends object>(cls: (new () => S) | undefined, raw: Record<string, unknown> | undefined): ValidatedSettings<S> {
  const given = raw ?? {};
  if (!cls) {
    const keys = Object.keys(given);
    return { value: Object.freeze({}) as S, problems: keys.length ? [`takes no settings, got ${keys.map((k) => `"${k}"`).join(', ')}`] : [] };
  }
  const value = plainToInstance(cls, given, { exposeDefaultValues: true });
  const errors = validateSync(value, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } });
  return { value: Object.freeze(value), problems: describe(errors) };
}

/** The settings as plain JSON for display, sensitive ones masked. */
export function displaySettings(settings: object): Record<string, unknown> {
  const hidden = sensitiveKeys(settings);
  const plain = JSON.parse(JSON.stringify(settings)) as Record<string, unknown>;
  for (const key of hidden) if (typeof key === 'string' && key in plain) plain[key] = '***';
  return plain;
}
