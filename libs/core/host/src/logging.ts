import { scrubCpr } from '@enplan/shared/util';
import { loggedPath, requestIdFor } from '@enplan/core/common';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';

/**
 * Every finished log line passes the CPR scrubber on its way out. Scrubbing the serialised line (rather
 * than the objects handed to the logger) catches every field and keeps the raw request and response
 * intact for pino's own serialisers, which read getters such as `headersSent`.
 */
function scrubbingStream(target: NodeJS.WritableStream) {
  return { write: (line: string) => target.write(scrubCpr(line)) };
}

/**
 * Structured JSON logs. Request bodies are never logged, URLs are logged without their query string,
 * credentials are redacted, and every line passes a CPR scrubber as a last line of defence.
 */
export function pinoParams(level: string, destination?: NodeJS.WritableStream): Params {
  return {
    // Nest re-adds the paths excluded from the /api prefix (health) for a plain wildcard; nestjs-pino's own
    // default would add them a second time and log each health request twice.
    forRoutes: [{ path: '*splat', method: RequestMethod.ALL }],
    pinoHttp: {
      level,
      stream: scrubbingStream(destination ?? process.stdout),
      genReqId: (req: IncomingMessage) => requestIdFor(req),
      customAttributeKeys: { reqId: 'requestId' },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
      serializers: {
        req: (req: { id: string; method: string; url: string; headers: Record<string, unknown> }) => ({
          id: req.id,
          method: req.method,
          path: loggedPath(String(req.url)),
          userAgent: req.headers?.['user-agent'],
        }),
        // Response headers add nothing an operator needs per request; the status is what matters.
        res: (res: { statusCode: number | null }) => ({ statusCode: res.statusCode }),
      },
      customProps: (req: IncomingMessage & { principal?: { userId: string; municipalityCode: string } }) =>
        req.principal ? { userId: req.principal.userId, municipality: req.principal.municipalityCode } : {},
    },
  } as Params;
}
