import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, StaffRoute, type Principal } from '@enplan/core/auth';
import { DeploymentDto } from './deployment.dto.js';
import { PluginRegistry } from './plugin-registry.js';

@ApiTags('deployment')
@ApiBearerAuth()
@Controller({ path: 'deployment', version: '1' })
export class DeploymentController {
  constructor(private readonly registry: PluginRegistry) {}

  @Get()
  @StaffRoute({ record: 'deployment' })
  @ApiOperation({
    operationId: 'getDeployment',
    summary: 'What this deployment runs for your municipality',
    description:
      'The enabled plugins with their settings, the course models a referral may name, and the meeting types, roles, cadence rules and ' +
      'caseload targets in force. Integrators read it to map their sector system onto this municipality.',
  })
  @ApiOkResponse({ type: DeploymentDto })
  get(@CurrentPrincipal() p: Principal): DeploymentDto {
    const code = p.municipalityCode;
    const r = this.registry;
    return {
      municipality: { code, name: r.municipalityName(code) ?? code },
      coreVersion: r.coreVersion,
      pluginApiVersion: r.pluginApiVersion,
      plugins: r.enabledPlugins(code),
      models: r.models(code).map((m) => {
        const caseload = r.caseload(code, m.id);
        return { ...m, caseload: { ...caseload, cappedRoles: [...caseload.cappedRoles] }, cadence: r.cadencePolicy(code, m.id) };
      }),
      meetingTypes: r.meetingTypes(code),
      roles: r.roles(code),
    };
  }
}
