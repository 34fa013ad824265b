import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '@enplan/core/auth';

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
  ApiServiceUnavailableResponse({ description: 'The Health Check is not successful', schema: healthSchema(false) })(target, key, descriptor);
};

@ApiTags('health')
@Public()
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  @Get()
  // `security: []`: declared public in the document, not merely undeclared (linters and generators tell them apart).
  @ApiOperation({ operationId: 'getLiveness', summary: 'Liveness: the process is up and serving HTTP', security: [] })
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @HealthAnswers()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({ operationId: 'getReadiness', summary: 'Readiness: the database answers', security: [] })
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @HealthAnswers()
  ready() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 1500 })]);
  }
}
