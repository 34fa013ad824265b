import { Controller, Get, Logger, Res, ServiceUnavailableException, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult, type HealthIndicatorResult } from '@nestjs/terminus';
import type { Response } from 'express';
import { scrubCpr } from '@enplan/shared/util';
import { Public } from '@enplan/core/auth';
import { ShutdownDrain } from './shutdown-drain.js';

/** What an indicator reports (the database's ping), keyed by indicator name. */
const indicators = (example: object) => ({
  type: 'object' as const,
  example,
  additionalProperties: {
    type: 'object' as const,
    required: ['status'],
    properties: {
      status: { type: 'string' as const, enum: ['up', 'degraded', 'down'] },
      responseTime: { type: 'number' as const, description: 'Time the health indicator took to respond, in ms' },
    },
    additionalProperties: true,
  },
});
const DB_UP = { database: { status: 'up', responseTime: 12 } };
const DB_DOWN = { database: { status: 'down', message: 'timeout exceeded', responseTime: 1500 } };
const healthSchema = (up: boolean) => ({
  type: 'object' as const,
  properties: {
    status: { type: 'string' as const, enum: up ? ['ok', 'degraded'] : ['error', 'shutting_down'], example: up ? 'ok' : 'error' },
    info: { ...indicators(up ? DB_UP : {}), nullable: true },
    error: { ...indicators(up ? {} : DB_DOWN), nullable: true },
    details: indicators(up ? DB_UP : DB_DOWN),
  },
});

/**
 * The answers are declared here, not left to terminus' `@HealthCheck()`: that decorator documents them only when it
 * can `require` the swagger package from its own copy, which under the test runner's module registry it sometimes
 * cannot, and a document that depends on how a module was loaded is no contract.
 */
const HealthAnswers = () => (target: object, key: string | symbol, descriptor: PropertyDescriptor) => {
  ApiOkResponse({ description: 'The Health Check is successful', schema: healthSchema(true) })(target, key, descriptor);
  ApiServiceUnavailableResponse({
    description: 'The Health Check is not successful (`error`), or the process is draining before it stops (`shutting_down`, for `SHUTDOWN_DRAIN_MS` after SIGTERM): take it out of rotation',
    schema: healthSchema(false),
  })(target, key, descriptor);
};

@ApiTags('health')
@Public()
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly drain: ShutdownDrain,
  ) {}

  @Get()
  // `security: []`: declared public in the document, not merely undeclared (linters and generators tell them apart).
  @ApiOperation({ operationId: 'getLiveness', summary: 'Liveness: the process is up and serving HTTP', security: [] })
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @HealthAnswers()
  live(@Res({ passthrough: true }) res: Response) {
    return this.answer(() => this.health.check([]), res);
  }

  @Get('ready')
  @ApiOperation({ operationId: 'getReadiness', summary: 'Readiness: the database answers', security: [] })
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @HealthAnswers()
  ready(@Res({ passthrough: true }) res: Response) {
    return this.answer(() => this.health.check([() => this.db.pingCheck('database', { timeout: 1500 })]), res);
  }

  /**
   * A failed check is the documented 503 with the health body, answered here: terminus throws it as an exception,
   * which the problem filter would turn into problem+json. The probes are public, so an indicator's own message (a
   * driver's error names hosts, ports, and may quote SQL) goes to the log, and the body says only that it is down.
   */
  private async answer(check: () => Promise<HealthCheckResult>, res: Response): Promise<HealthCheckResult> {
    if (this.drain.draining) {
      res.status(503);
      return { status: 'shutting_down', info: {}, error: {}, details: {} };
    }
    try {
      return await check();
    } catch (e) {
      if (!(e instanceof ServiceUnavailableException)) throw e;
      const result = e.getResponse() as HealthCheckResult;
      const quiet = (r: Partial<HealthIndicatorResult> | undefined): HealthIndicatorResult | undefined =>
        r &&
        Object.fromEntries(
          Object.entries(r).flatMap(([key, v]) => {
            if (!v) return [];
            if (v.status === 'up') return [[key, v]];
            const message = typeof v['message'] === 'string' ? v['message'] : '';
            return [[key, { status: v.status, message: /^timeout/.test(message) ? message : 'unavailable', responseTime: v['responseTime'] }]];
          }),
        );
      for (const [key, v] of Object.entries(result.details ?? {})) {
        if (v && v.status !== 'up') this.logger.warn({ indicator: key, message: scrubCpr(String(v['message'] ?? '')) }, 'health check down');
      }
      res.status(503);
      return { status: result.status, info: quiet(result.info), error: quiet(result.error), details: quiet(result.details) ?? {} };
    }
  }
}
