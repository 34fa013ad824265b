import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from './auth.guard.js';
import { ROLES, type Principal } from './principal.js';
import { StaffRoute } from './access.decorators.js';

export class MeDto {
  @ApiProperty({ example: '7d3c1c52-0c0e-4c1a-9d7e-3f1f2b9c0a01', description: 'The `sub` claim: the staff member id' })
  userId: string;
  @ApiProperty({ example: '999' })
  municipalityCode: string;
  @ApiProperty({ example: ['caseworker'], type: [String] })
  roles: string[];
}

@ApiTags('session')
@ApiBearerAuth()
@Controller({ path: 'me', version: '1' })
export class MeController {
  @Get()
  @StaffRoute({ record: 'principal', roles: ROLES })
  @ApiOperation({ operationId: 'getMe', summary: 'The caller as the API sees them', description: 'Handy to check that a token works.' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() p: Principal): MeDto {
    return { userId: p.userId, municipalityCode: p.municipalityCode, roles: [...p.roles] };
  }
}
