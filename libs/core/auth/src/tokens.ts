import { SignJWT } from 'jose';
import { LOCAL_ALG, type LocalSigningKey } from './key-store.js';

export interface MintOptions {
  userId: string;
  municipality: string;
  roles: string[];
  issuer: string;
  audience: string;
  /** Lifetime in seconds. */
  ttlSeconds: number;
  /** Issued-at; tests pass a past instant to make expired tokens. */
  now?: Date;
}

/** Mints a token signed with the local key (embedded default, demos and tests). */
export async function mintToken(key: LocalSigningKey, o: MintOptions): Promise<string> {
  const iat = Math.floor((o.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ municipality: o.municipality, roles: o.roles })
    .setProtectedHeader({ alg: LOCAL_ALG, kid: key.kid, typ: 'JWT' })
    .setSubject(o.userId)
    .setIssuer(o.issuer)
    .setAudience(o.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + o.ttlSeconds)
    .sign(key.privateKey);
}
