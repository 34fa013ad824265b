import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DEPLOYMENT, type Deployment } from '@enplan/core/config';
import { CoreDeliveryTargets, type CoreDeliveryAttempt, type CoreDeliveryEvent, type CoreDeliveryProvider, type DomainEventType, type EventData } from '@enplan/core/events';
import { SyncService } from './sync.service.js';
import { decisionTargetsOf, SYNC_PROVIDER, syncTargetsOf } from './sync-targets.js';

/**
 * Registers the municipality's sync targets (deployment file, `municipalities[].sync`) with the delivery worker:
 * a published plan version and a decided decision get one `event_delivery` row per target with an interface that
 * takes them (a `manual` target has none: it waits for a manual entry), and the worker calls
 * `SyncService.deliverTo` per attempt.
 */
@Injectable()
export class SyncDeliveryTargets implements CoreDeliveryProvider, OnModuleInit {
  readonly provider = SYNC_PROVIDER;

  constructor(
    private readonly registry: CoreDeliveryTargets,
    private readonly sync: SyncService,
    @Inject(DEPLOYMENT) private readonly deployment: Deployment,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  targetsFor(municipalityCode: string, type: DomainEventType, data: Readonly<EventData>): string[] {
    const legalArea = typeof data['legalArea'] === 'string' ? data['legalArea'] : null;
    const targets =
      type === 'plan.version-published' ? syncTargetsOf(this.deployment, municipalityCode) : type === 'decision.decided' ? decisionTargetsOf(this.deployment, municipalityCode, legalArea) : [];
    return targets.filter((t) => t.kind !== 'manual').map((t) => t.id);
  }

  deliver(event: CoreDeliveryEvent, target: string, attempt: CoreDeliveryAttempt): Promise<{ reference: string | null }> {
    return this.sync.deliverTo(event, target, attempt);
  }
}
