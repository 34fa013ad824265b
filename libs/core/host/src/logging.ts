import { scrubCpr } from '@enplan/shared/util';
import { requestIdFor } from '@enplan/core/common';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';

function scrubDeep(v: unknown, depth = 0): unknown {
  if (typeof v === 'string') return scrubCpr(v);
  if (depth > 6 || v === null || typeof v !== 'object') return v;
  if (v instanceof Error) return { name: v.name, message: scrubCpr(v.message), stack: v.stack && scrubCpr(v.stack) };
  if (Array.isArray(v)) return v.map((x) => scrubDeep(x, depth + 1));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scrubDeep(x, depth + 1)]));
}

/**
 * Structured JSON logs. Request bodies are never logged, URLs are logged without their query string,
 * credentials are redacted, and every string passes a CPR scrubber as a last line of defence.
 */
export function pinoParams(level: string, destination?: NodeJS.WritableStream): Params {
  return {
    // Nest re-adds the paths excluded from the /api prefix (health) for a plain wildcard; nestjs-pino's own
    // default would add them a second time and log each health request twice.
    forRoutes: [{ path: '*splat', method: RequestMethod.ALL }],
    pinoHttp: {
      level,
      stream: destination,
      genReqId: (req: IncomingMessage) => requestIdFor(req),
      customAttributeKeys: { reqId: 'requestId' },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
      serializers: {
        req: (req: { id: string; method: string; url: string; headers: Record<string, unknown> }) => ({
          id: req.id,
          method: req.method,
          path: scrubCpr(String(req.url).split('?')[0]),
          userAgent: req.headers?.['user-agent'],
        }),
      },
      customProps: (req: IncomingMessage & { principal?: { userId: string; municipalityCode: string } }) =>
        req.principal ? { userId: req.principal.userId, municipality: req.principal.municipalityCode } : {},
      hooks: {
        logMethod(args: unknown[], method: (...a: unknown[]) => void) {
          method.apply(this, args.map((a) => scrubDeep(a)));
        },
      },
    },
  } as Params;
}
