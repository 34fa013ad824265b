import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEPLOYMENT, EnplanConfig, type Deployment } from '@enplan/core/config';
import { Municipality } from '@enplan/core/database';
import { DemoSeeder } from './demo-seed.js';

/** Makes the database agree with the deployment file, then (embedded default) plants the demo data. */
@Injectable()
export class BootService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Boot');

  constructor(
    private readonly ds: DataSource,
    private readonly config: EnplanConfig,
    @Inject(DEPLOYMENT) private readonly deployment: Deployment,
    private readonly seeder: DemoSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.syncMunicipalities();
    if (this.config.seedDemo) {
      const seeded = await this.seeder.seedIfEmpty();
      if (seeded) this.logger.log('demo data planted');
    }
  }

  async syncMunicipalities(): Promise<void> {
    await this.ds.transaction(async (em) => {
      for (const m of this.deployment.municipalities) {
        const existing = await em.findOne(Municipality, { where: { code: m.code } });
        if (!existing) await em.insert(Municipality, { code: m.code, name: m.name });
        else if (existing.name !== m.name) await em.update(Municipality, { id: existing.id }, { name: m.name });
      }
    });
  }
}
