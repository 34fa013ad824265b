import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DEPLOYMENT, type Deployment } from '@enplan/core/config';
import { CoreDeliveryTargets, type CoreDeliveryAttempt, type CoreDeliveryEvent, type CoreDeliveryProvider, type DomainEventType } from '@enplan/core/events';
import { SyncService } from './sync.service.js';
import { SYNC_PROVIDER, syncTargetsOf } from './sync-targets.js';

/**
 * Registers the municipality's sync targets (deployment file, `municipalities[].sync`) with the delivery worker:
 * a published plan version gets one `event_delivery` row per target with an interface (a `manual` target has
 * none: it waits for a manual entry), and the worker calls `SyncService.deliverTo` per attempt.
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

  targetsFor(municipalityCode: string, type: DomainEventType): string[] {
    if (type !== 'plan.version-published') return [];
    return syncTargetsOf(this.deployment, municipalityCode)
      .filter((t) => t.kind !== 'manual')
      .map((t) => t.id);
  }

  deliver(event: CoreDeliveryEvent, target: string, attempt: CoreDeliveryAttempt): Promise<{ reference: string | null }> {
    return this.sync.deliverTo(event, target, attempt);
  }
}
