import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { errors, jwtVerify } from 'jose';
import type { Request } from 'express';
import type { Repository } from 'typeorm';
import { EnplanConfig } from '@enplan/core/config';
import { Municipality } from '@enplan/core/database';
import { CLOCK, type Clock } from '@enplan/shared/util';
import { AuthErrorCode, authError } from './auth.error.js';
import { verificationKey, type KeyResolver } from './key-store.js';
import type { Principal } from './principal.js';

const IS_PUBLIC = 'enplan:public';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Marks a route that needs no token (health, docs). Everything else does. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export type AuthenticatedRequest = Request & { principal?: Principal };

/** The verified caller of the current request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const p = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!p) throw authError(AuthErrorCode.TokenMissing);
  return p;
});

@Injectable()
export class AuthGuard implements CanActivate {
  private key?: Promise<KeyResolver>;
  /**
   * Served municipalities by code. A municipality's id never changes and the served set only changes with the
   * deployment, which takes a restart: so a hit is kept, saving a statement on every request; a miss is not.
   */
  private readonly tenants = new Map<string, { id: string; code: string }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly config: EnplanConfig,
    @InjectRepository(Municipality) private readonly municipalities: Repository<Municipality>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()])) return true;
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw authError(AuthErrorCode.TokenMissing);
    req.principal = await this.verify(match[1]);
    return true;
  }

  async verify(token: string): Promise<Principal> {
    this.key ??= verificationKey({ jwksUrl: this.config.auth.jwksUrl, dataDir: this.config.dataDir });
    const key = await this.key;
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, key as Parameters<typeof jwtVerify>[1], {
        issuer: this.config.auth.issuer,
        audience: this.config.auth.audience,
        currentDate: this.clock.now(),
        clockTolerance: 30,
      }));
    } catch (e) {
      if (e instanceof errors.JWTExpired) throw authError(AuthErrorCode.TokenExpired);
      throw authError(AuthErrorCode.TokenInvalid);
    }
    const { sub, municipality, roles } = payload;
    // Subjects are staff (or integration) ids, stored as uuids on every record they author.
    if (typeof sub !== 'string' || !UUID.test(sub) || typeof municipality !== 'string' || !Array.isArray(roles) || !roles.every((r) => typeof r === 'string')) {
      throw authError(AuthErrorCode.ClaimsInvalid);
    }
    const tenant = this.tenants.get(municipality) ?? (await this.municipalities.findOne({ where: { code: municipality }, select: { id: true, code: true } }));
    if (!tenant) throw authError(AuthErrorCode.MunicipalityNotServed);
    this.tenants.set(municipality, tenant);
    return { userId: sub, municipalityCode: tenant.code, municipalityId: tenant.id, roles: roles as string[] };
  }
}
