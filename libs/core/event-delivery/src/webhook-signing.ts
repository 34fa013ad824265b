import { randomBytes } from 'node:crypto';

/** A new signing secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** What the receiver sees of a secret in lists (never the secret itself after it was shown once). */
export function secretHint(secret: string): string {
  return `${secret.slice(0, 10)}…`;
}

/** Signing lives with the tables in `@enplan/core/events` (one function for webhooks and the sync lib's JSON push). */
export { signWebhook } from '@enplan/core/events';
