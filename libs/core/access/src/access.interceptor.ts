import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { catchError, from, mergeMap, type Observable } from 'rxjs';
import type { Request } from 'express';
import { ACCESS_METADATA, COURSE_SCOPE_KEY, type AccessRule, type Principal, type Role } from '@enplan/core/auth';
import { requestIdFor } from '@enplan/core/common';
import { AccessService } from './access.service.js';
import { AccessLogService, type AccessEvent } from './access-log.service.js';
import { accessError } from './access.error.js';
import { ACCESS_CONTEXT_KEY } from './viewer.js';

type AccessRequest = Request & { principal?: Principal; [key: string]: unknown };

/**
 * Enforces each route's declared access rule before its input is even validated, and writes the access log:
 * every allowed read or write of citizens' data after the handler has run (the response waits for the log,
 * so nothing is served unlogged), and every refused attempt.
 */
@Injectable()
export class AccessInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessService,
    private readonly log: AccessLogService,
  ) {}

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<AccessRequest>();
    const p = req.principal;
    // Only public routes get past the authentication guard without a principal.
    if (!p) return next.handle();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [ctx.getHandler(), ctx.getClass()]);
    if (!rule) throw accessError.routeUnclassified();
    const base = {
      municipalityId: p.municipalityId,
      actorId: p.userId,
      actorRoles: p.roles,
      operation: req.method === 'GET' || req.method === 'HEAD' ? 'read' : 'write',
      recordType: rule.record,
      route: `${req.method} ${(req.route as { path?: string } | undefined)?.path ?? req.path}`,
      requestId: requestIdFor(req),
    } satisfies Partial<AccessEvent>;

    switch (rule.kind) {
      case 'course': {
        const recordId = String(req.params[rule.param] ?? '');
        const decision = await this.access.decideCourse(p, rule, recordId, (facts) =>
          this.log.append({
            ...base,
            outcome: 'denied',
            recordId,
            courseIds: facts.map((f) => f.id),
            citizenIds: facts.flatMap((f) => f.citizenIds),
            basis: 'none',
          }),
        );
        req[ACCESS_CONTEXT_KEY] = decision;
        const reasons = decision.facts.flatMap((f) => (f.grantReasons[p.userId] ? [f.grantReasons[p.userId]] : []));
        return this.logged(next, {
          ...base,
          outcome: 'allowed',
          recordId,
          courseIds: decision.facts.map((f) => f.id),
          citizenIds: decision.facts.flatMap((f) => f.citizenIds),
          basis: [...new Set(decision.basis)].join(','),
          reason: reasons.length ? reasons.join('; ') : null,
        });
      }
      case 'citizen': {
        this.requireRole(p, rule.roles);
        const recordId = String(req.params[rule.param] ?? '');
        const citizenIds = await this.access.citizensOf(p, rule, recordId);
        return this.logged(next, { ...base, outcome: 'allowed', recordId, citizenIds, basis: 'staff' });
      }
      case 'staff': {
        this.requireRole(p, rule.roles);
        if (rule.scope) req[COURSE_SCOPE_KEY] = await this.access.scope(p);
        const pick = rule.citizens;
        if (!pick) return next.handle();
        return next.handle().pipe(
          mergeMap(async (body) => {
            const citizenIds = pick(body);
            if (citizenIds.length) await this.log.append({ ...base, outcome: 'allowed', citizenIds, basis: 'staff' });
            return body;
          }),
        );
      }
    }
  }

  private requireRole(p: Principal, roles: readonly Role[]): void {
    if (!p.roles.some((r) => (roles as readonly string[]).includes(r))) throw accessError.roleRequired(roles);
  }

  private logged(next: CallHandler, entry: AccessEvent): Observable<unknown> {
    return next.handle().pipe(
      mergeMap(async (body) => {
        await this.log.append(entry);
        return body;
      }),
      catchError((e: unknown) =>
        from(
          (async () => {
            // The request reached the records and then failed (a rule, a conflict): still an access attempt.
            await this.log.append({ ...entry, outcome: 'failed' }).catch(() => undefined);
            throw e;
          })(),
        ),
      ),
    );
  }
}
