import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEPLOYMENT, DeploymentError, EnplanConfig, type Deployment } from '@enplan/core/config';
import { Municipality } from '@enplan/core/database';
import { PluginRegistry } from '@enplan/core/extensions';
import { InstrumentRegistry, scheduleProblems } from '@enplan/core/progression';
import { DEMO, DemoSeeder } from './demo-seed.js';

/** Makes the database agree with the deployment file, then (embedded default) plants the demo data. */
@Injectable()
export class BootService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Boot');

  constructor(
    private readonly ds: DataSource,
    private readonly config: EnplanConfig,
    @Inject(DEPLOYMENT) private readonly deployment: Deployment,
    private readonly seeder: DemoSeeder,
    private readonly plugins: PluginRegistry,
    private readonly instruments: InstrumentRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.syncMunicipalities();
    await this.publishPluginInstruments();
    await this.checkProgressionSchedules();
    if (!this.config.seedDemo) return;
    // Say what happened either way, per demo municipality: a deployment file without the demo municipality plants
    // nothing, and the CLI's default token (municipality 999) would then be refused; the log line says which code to use.
    const reports = await this.seeder.seedAll();
    const served = this.deployment.municipalities.map((m) => m.code).join(', ');
    for (const { municipalityCode: code, modelId, outcome } of reports) {
      const model = modelId === 'generic' ? '' : ` (model ${modelId})`;
      if (outcome === 'planted') this.logger.log(`demo data planted in municipality ${code}${model}`);
      else if (outcome === 'has-data') this.logger.log(`demo data not planted: municipality ${code}${model} has data already`);
      // A plugin's demo municipality outside the deployment is the normal case for a real deployment file: no noise.
      else if (code === DEMO.municipalityCode && !reports.some((r) => r.outcome !== 'no-demo-municipality'))
        this.logger.warn(
          `demo data not planted: the deployment does not serve the demo municipality ${DEMO.municipalityCode} (it serves ${served}); ` +
            `mint tokens for one of those with \`npm run -s enplan -- token --municipality <code>\``,
        );
    }
  }

  /**
   * The progression instruments of each municipality's enabled plugins, published there (a version already
   * published with other content stops the start: `InstrumentPublishedError`).
   */
  async publishPluginInstruments(): Promise<void> {
    for (const m of this.deployment.municipalities) {
      const declared = this.plugins.instruments(m.code);
      if (!declared.length) continue;
      const row = await this.ds.manager.findOneOrFail(Municipality, { where: { code: m.code }, select: { id: true } });
      const added = await this.instruments.publishDeclared(row.id, m.code, declared);
      if (added) this.logger.log(`published ${added} plugin instrument version(s) in municipality ${m.code}`);
    }
  }

  /**
   * A municipality's own progression schedules name target groups, models, instruments and respondent types that
   * must exist there; a wrong one stops the start (as a broken deployment file does) rather than never schedule.
   */
  async checkProgressionSchedules(): Promise<void> {
    const problems: string[] = [];
    for (const [i, m] of this.deployment.municipalities.entries()) {
      if (!m.progressionSchedules?.length) continue;
      const row = await this.ds.manager.findOneOrFail(Municipality, { where: { code: m.code }, select: { id: true } });
      const instruments = (await this.instruments.all(row.id)).map((x) => x.definition);
      problems.push(...scheduleProblems(`municipalities[${i}]`, m.progressionSchedules, this.plugins.models(m.code).map((x) => x.id), instruments));
    }
    if (problems.length) throw new DeploymentError(`Invalid progression schedules in the deployment:\n  - ${problems.join('\n  - ')}`);
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
