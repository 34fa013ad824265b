import { NestFactory } from '@nestjs/core';
import { VersioningType, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { createValidationPipe, inputGuard, requestIdFor } from '@enplan/core/common';
import { EnplanConfig } from '@enplan/core/config';
import { captureStatementsTo, countStatements } from '@enplan/core/database';
import { CourseClosingChecks } from '@enplan/core/courses';
import { CORE_VERSION, PluginRegistry } from '@enplan/core/extensions';
import { ShutdownDrain } from '@enplan/core/health';
import { AppModule, type HostOptions } from './app.module.js';
import { withTypedNullables } from './openapi-nullable.js';
import { documentValidationRules, operationIdFactory, withContract } from './openapi-contract.js';

/** The API's version is the core's, written once in package.json. */
export const API_VERSION = CORE_VERSION;

/** The core's tags, in the order Swagger UI shows them; a plugin's routes are tagged `plugin: <id>`. */
const API_TAGS = [
  { name: 'session', description: 'Who the caller is: the token’s user, municipality and roles' },
  { name: 'deployment', description: 'The municipality’s deployment: enabled plugins and their settings' },
  { name: 'organisation', description: 'Units and staff of the municipality' },
  { name: 'citizens', description: 'Citizens’ master data and households' },
  { name: 'courses', description: 'Courses: one per citizen (or household) with complex problems, from referral to closing; the team and the caseload' },
  { name: 'consent', description: 'Consents to take part and to share information between units' },
  { name: 'plans', description: 'The one versioned plan per course: drafts, published versions, diffs and the citizen’s view' },
  { name: 'meetings', description: 'Meetings on courses: participants, minutes, outcomes, invitations and calendars' },
  { name: 'contacts', description: 'Contacts with the citizen and the follow-ups they lead to' },
  { name: 'journal', description: 'Journal notes on a course' },
  { name: 'provider-orders', description: 'Orders to providers and their reports' },
  { name: 'access', description: 'Access grants, the access log and the citizen’s right of access' },
  { name: 'decisions', description: 'Formal decisions (afgørelser) on a course under one law, their letters and the municipality’s decision settings' },
  { name: 'progression', description: 'Progression measurement: instruments, measurements on courses, dialogue view, figures and the evaluation export' },
  { name: 'events', description: 'Domain events: the pull feed, webhooks and delivery (dead letters) for integrations' },
  { name: 'sync', description: 'What each plan version reached in the sector systems: FHIR export, employment-plan extract, the sync ledger and its figures' },
  { name: 'health', description: 'Liveness and readiness' },
];

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('enplan API')
    .setDescription(
      'Én plan: one coordinated plan per citizen, shared by the job centre, social services, the family department, ' +
        'addiction treatment and external partners. Every /api/v1 route needs a bearer JWT whose claims carry the user id ' +
        '(`sub`), the municipality code (`municipality`) and `roles`. Errors are RFC 9457 `application/problem+json` with a ' +
        'stable `code`.',
    )
    .setVersion(API_VERSION)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  documentValidationRules();
  return withTypedNullables(withContract(SwaggerModule.createDocument(app, config, { operationIdFactory }), { publicUrl: app.get(EnplanConfig).publicUrl, tags: API_TAGS, ruleCodes: { ...app.get(PluginRegistry).ruleProblemCodes(), closingChecks: app.get(CourseClosingChecks).problemCodes() } }));
}

const DOCUMENTS = new WeakMap<INestApplication, OpenAPIObject>();

/** The OpenAPI document a host built and serves (the contract tests validate every response against it). */
export function openApiDocumentOf(app: INestApplication): OpenAPIObject {
  const doc = DOCUMENTS.get(app);
  if (!doc) throw new Error('This app was not made by createApp: it has no OpenAPI document');
  return doc;
}

/** Creates the configured API host (not yet listening). Used by main.ts, the CLI and the tests alike. */
export async function createApp(options: HostOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(options), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  const strict = helmet();
  // Swagger UI needs inline scripts; every other response keeps the strict content security policy.
  const docs = helmet({ contentSecurityPolicy: false });
  app.use((req: { path: string }, res: unknown, next: () => void) => (req.path.startsWith('/api/docs') ? docs : strict)(req as never, res as never, next));
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    res.setHeader('X-Request-Id', requestIdFor(req));
    next();
  });
  const { sqlStatementHeader, sqlCaptureFile } = app.get(EnplanConfig);
  captureStatementsTo(sqlCaptureFile);
  if (sqlStatementHeader || sqlCaptureFile) app.use(statementScope(sqlStatementHeader));
  app.setGlobalPrefix('api', { exclude: ['health', 'health/ready'] });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(createValidationPipe());
  app.useBodyParser('json', { limit: '1mb' });
  // Right after parsing: what no DTO may hold (hostile depth, NUL, lone surrogates, prototype keys) is refused here.
  app.use(inputGuard);
  const document = buildOpenApi(app);
  DOCUMENTS.set(app, document);
  serveWebApp(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json', useGlobalPrefix: false, customSiteTitle: 'enplan API' });
  await app.init();
  return app;
}

/**
 * The rest of the request runs in a statement-counting scope labelled with its request id (the capture file's
 * key); with the header on, the count goes out with the response headers.
 */
export const SQL_STATEMENTS_HEADER = 'Enplan-Sql-Statements';
function statementScope(header: boolean) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    countStatements((read) => {
      if (header) {
        // Headers are written after the handler, its unit of work and the access-log row: the count is complete.
        const writeHead = res.writeHead;
        res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
          if (!res.headersSent) res.setHeader(SQL_STATEMENTS_HEADER, String(read()));
          return writeHead.apply(this, args);
        } as ServerResponse['writeHead'];
      }
      next();
    }, requestIdFor(req));
  };
}

/** Starts the API and wires graceful shutdown: stop accepting, finish in-flight requests, close the database. */
export async function startApi(options: HostOptions = {}): Promise<NestExpressApplication> {
  const app = await createApp(options);
  const config = app.get(EnplanConfig);
  const logger = app.get(Logger);
  // Handlers first: a SIGTERM that arrives the moment the boot line is out must still stop gracefully (without
  // a listener Node dies of it at once).
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const drainMs = config.shutdownDrainMs;
    logger.log(drainMs ? `${signal} received: draining for ${drainMs} ms, then shutting down` : `${signal} received: shutting down`, 'Bootstrap');
    const force = setTimeout(() => {
      logger.error(`shutdown took longer than ${config.shutdownGraceMs} ms: exiting`, undefined, 'Bootstrap');
      process.exit(1);
    }, drainMs + config.shutdownGraceMs);
    force.unref();
    // Still serving while the health checks say 503; new connections are refused only from app.close() on.
    app.get(ShutdownDrain).begin();
    new Promise((resolve) => setTimeout(resolve, drainMs)).then(() => app.close()).then(
      () => {
        logger.log('shutdown complete', 'Bootstrap');
        process.exit(0);
      },
      (e: unknown) => {
        logger.error(e, 'Bootstrap');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  const server = app.getHttpServer() as Server;
  // Node's default (5 s) closes idle connections under clients that reuse them after a normal pause.
  server.keepAliveTimeout = config.http.keepAliveTimeoutMs;
  server.headersTimeout = config.http.headersTimeoutMs;
  await app.listen(config.port, config.host);
  logger.log(`enplan API listening on ${listeningOn(server.address() as AddressInfo)} (docs: /api/docs, database: ${config.database.kind})`, 'Bootstrap');
  return app;
}

/** The address actually bound, as a URL; for "every interface" also where a browser on this machine finds it. */
export function listeningOn({ address, family, port }: AddressInfo): string {
  const host = family === 'IPv6' ? `[${address}]` : address;
  const url = `http://${host}:${port}`;
  return address === '0.0.0.0' || address === '::' ? `${url} (every interface; on this machine http://localhost:${port})` : url;
}

/**
 * The web app (apps/web, bundled by `npm start` into dist/web) at `/`: its files, and index.html for any other
 * GET that is not the API's, so the app's own paths survive a reload. /api, /api/docs and /health stay the API's.
 * Absent when the bundle is (tests run the host from source).
 */
function serveWebApp(app: NestExpressApplication): void {
  const dir = fileURLToPath(new URL('../../../../web/', import.meta.url));
  const index = `${dir}index.html`;
  if (!existsSync(index)) return;
  const files = express.static(dir, { index: false, maxAge: '1h' });
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || /^\/(api|health)(\/|$)/.test(req.path)) return next();
    files(req, res, () => {
      // A missing file (a path with an extension, e.g. an old bundle's asset) is a 404, not the app's page.
      if (/\.[a-z0-9]+$/i.test(req.path)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  });
}
