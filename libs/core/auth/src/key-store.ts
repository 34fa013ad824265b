import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createRemoteJWKSet, exportJWK, generateKeyPair, importJWK, type JWK, type JWTVerifyGetKey, type CryptoKey } from 'jose';

export const LOCAL_ALG = 'ES256';

export interface LocalSigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export function localKeyPath(dataDir: string): string {
  return join(dataDir, 'keys', 'local-signing-key.json');
}

/**
 * The embedded default's own signing key: created on first start under the data directory (mode 0600),
 * shared by the API and the CLI's `token` command. Production verifies against the municipality's IdP
 * (AUTH_JWKS_URL) and never uses this key.
 */
export async function loadOrCreateLocalKey(dataDir: string): Promise<LocalSigningKey> {
  const path = localKeyPath(dataDir);
  let jwk: JWK;
  try {
    jwk = JSON.parse(await readFile(path, 'utf8')) as JWK;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    const { privateKey } = await generateKeyPair(LOCAL_ALG, { extractable: true });
    jwk = { ...(await exportJWK(privateKey)), alg: LOCAL_ALG, kid: `local-${Date.now().toString(36)}` };
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    // 'wx' so two processes starting at once cannot both write; the loser re-reads the winner's key.
    try {
      await writeFile(path, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      jwk = JSON.parse(await readFile(path, 'utf8')) as JWK;
    }
  }
  const privateKey = (await importJWK(jwk, LOCAL_ALG)) as CryptoKey;
  const { d: _d, ...publicJwk } = jwk;
  return { kid: jwk.kid!, privateKey, publicJwk };
}

export type KeyResolver = JWTVerifyGetKey | CryptoKey;

export async function verificationKey(opts: { jwksUrl?: string; dataDir: string }): Promise<KeyResolver> {
  if (opts.jwksUrl) return createRemoteJWKSet(new URL(opts.jwksUrl));
  const local = await loadOrCreateLocalKey(opts.dataDir);
  return (await importJWK(local.publicJwk, LOCAL_ALG)) as CryptoKey;
}
