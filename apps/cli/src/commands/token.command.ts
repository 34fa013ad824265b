import { Command, CommandRunner, Option } from 'nest-commander';
import { EnplanConfig, validateEnvironment } from '@enplan/core/config';
import { loadOrCreateLocalKey, mintToken } from '@enplan/core/auth';
import { DEMO, demoLogins } from '@enplan/core/host';
import type { PluginDefinition } from '@enplan/core/extensions';
import { PLUGIN_CATALOGUE } from '@enplan/plugin-catalogue';

export interface TokenOptions {
  user?: string;
  municipality?: string;
  roles?: string;
  ttl?: number;
}

/**
 * Who the token is for: the options given, else the demo staff member of the municipality (its first demo login:
 * the 999 caseworker, or a plugin demo municipality's coordinator, caseworker or consultant) with their roles.
 */
export function tokenSubject(o: TokenOptions, catalogue: readonly PluginDefinition[] = PLUGIN_CATALOGUE): { userId: string; municipality: string; roles: string[] } {
  const municipality = o.municipality ?? DEMO.municipalityCode;
  const login = demoLogins(catalogue).find((l) => l.municipalityCode === municipality && (!o.user || l.userId === o.user));
  const roles = o.roles ? o.roles.split(',').map((r) => r.trim()).filter(Boolean) : [...(login?.roles ?? ['caseworker'])];
  return { userId: o.user ?? login?.userId ?? DEMO.caseworkerId, municipality, roles };
}

/**
 * Prints only a bearer token on stdout, so `TOKEN=$(npm run -s enplan -- token)` works. It never opens the
 * database: the embedded one may be held by a running API.
 */
@Command({ name: 'token', description: 'Print a bearer token signed with the local key (default: the demo caseworker)' })
export class TokenCommand extends CommandRunner {
  async run(_: string[], o: TokenOptions): Promise<void> {
    const config = new EnplanConfig(validateEnvironment(process.env));
    if (config.auth.jwksUrl) {
      throw new Error('AUTH_JWKS_URL is set: tokens come from the identity provider, not from this command');
    }
    const key = await loadOrCreateLocalKey(config.dataDir);
    const token = await mintToken(key, {
      ...tokenSubject(o),
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      ttlSeconds: o.ttl ?? 8 * 3600,
    });
    process.stdout.write(token + '\n');
  }

  @Option({ flags: '-u, --user <id>', description: "user id (sub claim); default: the municipality's demo staff member" })
  parseUser(v: string) {
    return v;
  }
  @Option({ flags: '-m, --municipality <code>', description: 'three-digit municipality code; default 999 (demo); 991–994: the demo municipalities of the four models' })
  parseMunicipality(v: string) {
    if (!/^\d{3}$/.test(v)) throw new Error('--municipality must be a three-digit code');
    return v;
  }
  @Option({ flags: '-r, --roles <roles>', description: "comma-separated roles; default: the demo staff member's (caseworker)" })
  parseRoles(v: string) {
    return v;
  }
  @Option({ flags: '-t, --ttl <seconds>', description: 'lifetime in seconds; default 28800 (8 hours)' })
  parseTtl(v: string) {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new Error('--ttl must be a positive number of seconds');
    return n;
  }
}
