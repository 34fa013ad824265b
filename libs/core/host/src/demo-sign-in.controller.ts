import { Body, Controller, Get, HttpCode, Inject, Post, type Type } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { loadOrCreateLocalKey, mintToken, Public } from '@enplan/core/auth';
import { DomainError, ProblemAnswers } from '@enplan/core/common';
import { EnplanConfig } from '@enplan/core/config';
import type { DemoLogin } from './demo-deployment.js';

/** A sign-in as someone who is not a demo staff member. */
const DEMO_STAFF_UNKNOWN = 'demo.staff-unknown';

/** How long a demo sign-in lasts: a working day at the demo screen. */
const DEMO_TOKEN_TTL_SECONDS = 8 * 3600;

export class DemoStaffDto {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000001' })
  userId: string;
  @ApiProperty({ example: '999' })
  municipalityCode: string;
  @ApiProperty({ example: 'Demo Kommune' })
  municipalityName: string;
  @ApiProperty({ example: 'generic', description: 'The organisational model the demo municipality shows' })
  modelId: string;
  @ApiProperty({ example: ['caseworker'], type: [String] })
  roles: string[];
  @ApiProperty({ example: 'caseworker on the demo courses' })
  description: string;
}

export class DemoSignInDto {
  @ApiProperty({ format: 'uuid', description: 'A `userId` from GET /demo/staff' })
  @IsUUID()
  userId: string;
}

export class DemoTokenDto {
  @ApiProperty({ description: 'A bearer token signed with the local key' })
  token: string;
  @ApiProperty({ example: DEMO_TOKEN_TTL_SECONDS })
  expiresIn: number;
  @ApiProperty({ type: DemoStaffDto })
  staff: DemoStaffDto;
}

const DEMO_LOGINS = Symbol('DEMO_LOGINS');

/**
 * The demo sign-in of the web app: only mounted by the host when the demo data is planted and tokens are
 * signed with the local key (never beside an identity provider, AUTH_JWKS_URL), so a real deployment has no
 * such route at all. It hands out exactly what `enplan token` prints for the same demo staff member.
 */
export function demoSignInController(logins: readonly DemoLogin[]): { controller: Type; provider: { provide: symbol; useValue: readonly DemoLogin[] } } {
  @ApiTags('demo')
  @Controller({ path: 'demo', version: '1' })
  class DemoSignInController {
    constructor(
      @Inject(DEMO_LOGINS) private readonly logins: readonly DemoLogin[],
      private readonly config: EnplanConfig,
    ) {}

    @Get('staff')
    @Public()
    @ApiOperation({ operationId: 'listDemoStaff', summary: 'Demo only: the demo staff one may sign in as', description: 'Exists only on a demo installation (demo data, local signing key).' })
    @ApiOkResponse({ type: [DemoStaffDto] })
    staff(): DemoStaffDto[] {
      return this.logins.map((l) => ({ ...l, roles: [...l.roles] }));
    }

    @Post('sign-in')
    @Public()
    @HttpCode(200)
    @ApiOperation({ operationId: 'demoSignIn', summary: 'Demo only: a token for a demo staff member', description: 'Exists only on a demo installation (demo data, local signing key).' })
    @ApiOkResponse({ type: DemoTokenDto })
    @ProblemAnswers({ 422: [DEMO_STAFF_UNKNOWN] })
    async signIn(@Body() dto: DemoSignInDto): Promise<DemoTokenDto> {
      const login = this.logins.find((l) => l.userId === dto.userId);
      if (!login) throw new DomainError(DEMO_STAFF_UNKNOWN, 'unprocessable', 'No demo staff member has this id', { errors: [{ field: 'userId', code: DEMO_STAFF_UNKNOWN, message: 'not a demo staff member' }] });
      const key = await loadOrCreateLocalKey(this.config.dataDir);
      const token = await mintToken(key, {
        userId: login.userId,
        municipality: login.municipalityCode,
        roles: [...login.roles],
        issuer: this.config.auth.issuer,
        audience: this.config.auth.audience,
        ttlSeconds: DEMO_TOKEN_TTL_SECONDS,
      });
      return { token, expiresIn: DEMO_TOKEN_TTL_SECONDS, staff: { ...login, roles: [...login.roles] } };
    }
  }
  return { controller: DemoSignInController, provider: { provide: DEMO_LOGINS, useValue: logins } };
}
