import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { catchError, finalize, from, lastValueFrom, mergeMap, type Observable } from 'rxjs';
import type { Request } from 'express';
import { DataSource, type EntityManager } from 'typeorm';
import { ACCESS_METADATA, COURSE_SCOPE_KEY, type AccessRule, type Principal, type Role } from '@enplan/core/auth';
import { requestIdFor } from '@enplan/core/common';
import { hasReplica, inUnitOfWork, readsFromReplica, RecentWriters, REPLICA_READS } from '@enplan/core/database';
import { AccessService } from './access.service.js';
import { AccessLogService, type AccessEvent } from './access-log.service.js';
import { accessError } from './access.error.js';
import { ACCESS_CONTEXT_KEY } from './viewer.js';

type AccessRequest = Request & { principal?: Principal; [key: string]: unknown };

/**
 * Enforces each route's declared access rule before its input is even validated, and writes the access log:
 * every allowed read or write of citizens' data, and every refused attempt.
 *
 * A read is logged after its handler has run; the response waits for the log, so a read whose log entry
 * cannot be written fails instead of being served unlogged. A write that logs (a course or citizen route,
 * or a staff route naming citizens) is one unit of work (`inUnitOfWork`): the access check (re-made inside
 * the transaction, the courses' rows locked), the handler's change and the log entry commit together, so a
 * change is never committed unlogged nor on a decision a concurrent change has overtaken.
 */
@Injectable()
export class AccessInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessService,
    private readonly log: AccessLogService,
    private readonly ds: DataSource,
    private readonly writers: RecentWriters,
  ) {}

  async intercept(ctx: ExecutionContext, given: CallHandler): Promise<Observable<unknown>> {
    if (ctx.getType() !== 'http') return given.handle();
    const req = ctx.switchToHttp().getRequest<AccessRequest>();
    const p = req.principal;
    // Only public routes get past the authentication guard without a principal.
    if (!p) return given.handle();
    const isRead = req.method === 'GET' || req.method === 'HEAD';
    if (!isRead) {
      // Read-your-writes: the caller's reads stay on the primary from the start of a write until a while after it.
      this.writers.wrote(p.userId);
      const out = await this.decided(ctx, req, p, given);
      return out.pipe(finalize(() => this.writers.wrote(p.userId)));
    }
    // A marked read-only route reads from the replica, unless its caller has just written. Only the handler's
    // reads: the access check and the access-log entry around it stay on the primary.
    const replica = this.reflector.getAllAndOverride<boolean | undefined>(REPLICA_READS, [ctx.getHandler(), ctx.getClass()]) && hasReplica(this.ds) && !this.writers.recent(p.userId);
    const next: CallHandler = replica ? { handle: () => from(readsFromReplica(() => lastValueFrom(given.handle(), { defaultValue: undefined }))) } : given;
    return this.decided(ctx, req, p, next);
  }

  private async decided(ctx: ExecutionContext, req: AccessRequest, p: Principal, next: CallHandler): Promise<Observable<unknown>> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [ctx.getHandler(), ctx.getClass()]);
    if (!rule) throw accessError.routeUnclassified();
    const operation = req.method === 'GET' || req.method === 'HEAD' ? 'read' : 'write';
    const base = {
      municipalityId: p.municipalityId,
      actorId: p.userId,
      actorRoles: p.roles,
      operation,
      recordType: rule.record,
      route: `${req.method} ${(req.route as { path?: string } | undefined)?.path ?? req.path}`,
      requestId: requestIdFor(req),
    } satisfies Partial<AccessEvent>;

    switch (rule.kind) {
      case 'course': {
        const recordId = String(req.params[rule.param] ?? '');
        const decide = async (tx: EntityManager | undefined, onDenied: (e: AccessEvent) => Promise<void>): Promise<AccessEvent> => {
          const decision = await this.access.decideCourse(
            p,
            rule,
            recordId,
            (facts) => onDenied({ ...base, outcome: 'denied', recordId, courseIds: facts.map((f) => f.id), citizenIds: facts.flatMap((f) => f.citizenIds), basis: 'none' }),
            tx,
          );
          req[ACCESS_CONTEXT_KEY] = decision;
          const reasons = decision.facts.flatMap((f) => (f.grantReasons[p.userId] ? [f.grantReasons[p.userId]] : []));
          return {
            ...base,
            outcome: 'allowed',
            recordId,
            courseIds: decision.facts.map((f) => f.id),
            citizenIds: decision.facts.flatMap((f) => f.citizenIds),
            basis: [...new Set(decision.basis)].join(','),
            reason: reasons.length ? reasons.join('; ') : null,
          };
        };
        if (operation === 'write') return this.unitOfWork(next, decide);
        return this.logged(next, await decide(undefined, (e) => this.log.append(e)));
      }
      case 'citizen': {
        this.requireRole(p, rule.roles);
        const recordId = String(req.params[rule.param] ?? '');
        const decide = async (): Promise<AccessEvent> => ({ ...base, outcome: 'allowed', recordId, citizenIds: await this.access.citizensOf(p, rule, recordId), basis: 'staff' });
        if (operation === 'write') return this.unitOfWork(next, decide);
        return this.logged(next, await decide());
      }
      case 'staff': {
        this.requireRole(p, rule.roles);
        if (rule.scope) req[COURSE_SCOPE_KEY] = await this.access.scope(p);
        const pick = rule.citizens;
        if (!pick) return next.handle();
        // The citizens are known only from the answer: the entry is made after the handler, in its transaction.
        if (operation === 'write') return this.unitOfWork(next, async () => ({ ...base, outcome: 'allowed', basis: 'staff' }), pick);
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

  /**
   * A write as one transaction: `decide` (access, with the courses locked), the handler, and the log entry.
   * A refusal or a failure rolls the transaction back and is then logged on its own; a refusal that cannot
   * be logged fails the request (5xx) rather than pass unrecorded.
   */
  private unitOfWork(
    next: CallHandler,
    decide: (tx: EntityManager, onDenied: (e: AccessEvent) => Promise<void>) => Promise<AccessEvent>,
    pick?: (body: unknown) => string[],
  ): Observable<unknown> {
    return from(
      (async () => {
        let refused: AccessEvent | undefined;
        let entry: AccessEvent | undefined;
        try {
          return await inUnitOfWork(this.ds, async (tx) => {
            entry = await decide(tx, async (e) => {
              refused = e;
            });
            // Called here, inside the unit of work: Nest binds the handler to the async context of this call.
            const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
            const logged = pick ? { ...entry, citizenIds: pick(body) } : entry;
            if (!pick || logged.citizenIds?.length) await this.log.append(logged, tx);
            return body;
          });
        } catch (e) {
          if (refused) await this.log.append(refused);
          // The request reached the records and then failed (a rule, a conflict, the log): still an attempt.
          // (A staff route's entry names no citizens before its answer does: nothing to record.)
          else if (entry && !pick) await this.log.append({ ...entry, outcome: 'failed' }).catch(() => undefined);
          throw e;
        }
      })(),
    );
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
