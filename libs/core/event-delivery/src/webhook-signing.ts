import { randomBytes } from 'node:crypto';
import { Webhook as StandardWebhook } from 'standardwebhooks';

/** A new signing secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** What the receiver sees of a secret in lists (never the secret itself after it was shown once). */
export function secretHint(secret: string): string {
  return `${secret.slice(0, 10)}…`;
}

/**
 * The Standard Webhooks headers of one message: `webhook-id` (the idempotency key: the same on every attempt),
 * `webhook-timestamp` (seconds, the attempt's time) and `webhook-signature`, `v1,<base64 HMAC-SHA256 over
 * "<id>.<timestamp>.<body>">`, one per valid secret, space-separated: during a rotation's overlap the message is
 * signed with the new and the previous secret, so a receiver that still holds either verifies it.
 */
export function signWebhook(o: { msgId: string; at: Date; body: string; secrets: readonly string[] }): Record<string, string> {
  const signatures = o.secrets.map((s) => new StandardWebhook(s).sign(o.msgId, o.at, o.body));
  return {
    'webhook-id': o.msgId,
    'webhook-timestamp': String(Math.floor(o.at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
