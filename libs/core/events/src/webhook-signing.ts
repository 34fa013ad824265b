import { Webhook as StandardWebhook } from 'standardwebhooks';

/**
 * The Standard Webhooks headers of one message: `webhook-id` (the idempotency key: the same on every attempt),
 * `webhook-timestamp` (seconds, the attempt's time) and `webhook-signature`, `v1,<base64 HMAC-SHA256 over
 * "<id>.<timestamp>.<body>">`, one per valid secret, space-separated: during a rotation's overlap the message is
 * signed with the new and the previous secret, so a receiver that still holds either verifies it.
 *
 * The one signing function of the core: webhooks (`@enplan/core/event-delivery`) and the sync lib's JSON push use it.
 */
export function signWebhook(o: { msgId: string; at: Date; body: string; secrets: readonly string[] }): Record<string, string> {
  const signatures = o.secrets.map((s) => new StandardWebhook(s).sign(o.msgId, o.at, o.body));
  return {
    'webhook-id': o.msgId,
    'webhook-timestamp': String(Math.floor(o.at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
