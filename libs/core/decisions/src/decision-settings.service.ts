import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { DomainError } from '@enplan/core/common';
import { LEGAL_AREAS, type LegalArea } from '@enplan/core/organisation';
import { DecisionErrorCode, LegalBasisService } from '@enplan/core/plans';
import { CLOCK, type Clock } from '@enplan/shared/util';
import { DecisionComplaintTemplate, DecisionSettings } from './decision.entity.js';
import { DEFAULT_COMMITTEE_LEGAL_BASES, DEFAULT_COMPLAINT_GUIDANCE } from './decision-vocabulary.js';
import type { ComplaintGuidanceDto, DecisionSettingsDto, PutCommitteeLegalBasesDto, PutComplaintGuidanceDto } from './decisions.dto.js';

/** The municipality's decision settings: which provisions a committee decides, and the complaint guidance per legal area. */
@Injectable()
export class DecisionSettingsService {
  constructor(
    private readonly ds: DataSource,
    private readonly legalBases: LegalBasisService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async get(p: Principal): Promise<DecisionSettingsDto> {
    const em = this.ds.manager;
    return { committeeLegalBases: await this.committeeLegalBases(em, p.municipalityId), complaintGuidance: await this.guidance(em, p.municipalityId) };
  }

  async putCommitteeLegalBases(p: Principal, dto: PutCommitteeLegalBasesDto): Promise<DecisionSettingsDto> {
    return this.ds.transaction(async (em) => {
      const known = await this.legalBases.codes(em, p.municipalityId);
      const i = dto.committeeLegalBases.findIndex((c) => !known.has(c));
      if (i >= 0) throw DomainError.field(DecisionErrorCode.LegalBasisUnknown, `committeeLegalBases[${i}]`, 'Not a code of the legal-basis catalogue (GET /legal-bases)');
      const codes = [...new Set(dto.committeeLegalBases)].sort();
      const row = await em.findOne(DecisionSettings, { where: { municipalityId: p.municipalityId } });
      if (row) await em.update(DecisionSettings, { id: row.id }, { committeeLegalBases: codes, updatedBy: p.userId, updatedAt: this.clock.now() });
      else await em.insert(DecisionSettings, { municipalityId: p.municipalityId, committeeLegalBases: codes, updatedBy: p.userId, updatedAt: this.clock.now() });
      return { committeeLegalBases: codes, complaintGuidance: await this.guidance(em, p.municipalityId) };
    });
  }

  async putComplaintGuidance(p: Principal, legalArea: string, dto: PutComplaintGuidanceDto): Promise<ComplaintGuidanceDto> {
    const area = this.area(legalArea);
    return this.ds.transaction(async (em) => {
      await em
        .createQueryBuilder()
        .insert()
        .into(DecisionComplaintTemplate)
        .values({ municipalityId: p.municipalityId, legalArea: area, text: dto.text, updatedBy: p.userId, updatedAt: this.clock.now() })
        .orUpdate(['text', 'updated_by', 'updated_at'], ['municipality_id', 'legal_area'])
        .execute();
      return { legalArea: area, text: dto.text, source: 'municipality' as const };
    });
  }

  /** Back to the shipped Danish default for the area. */
  async resetComplaintGuidance(p: Principal, legalArea: string): Promise<ComplaintGuidanceDto> {
    const area = this.area(legalArea);
    await this.ds.getRepository(DecisionComplaintTemplate).delete({ municipalityId: p.municipalityId, legalArea: area });
    return { legalArea: area, text: DEFAULT_COMPLAINT_GUIDANCE[area], source: 'core' };
  }

  async committeeLegalBases(em: EntityManager, municipalityId: string): Promise<string[]> {
    const row = await em.findOne(DecisionSettings, { where: { municipalityId } });
    return row ? row.committeeLegalBases : [...DEFAULT_COMMITTEE_LEGAL_BASES];
  }

  async complaintGuidanceFor(em: EntityManager, municipalityId: string, legalArea: LegalArea): Promise<string> {
    const own = await em.findOne(DecisionComplaintTemplate, { where: { municipalityId, legalArea } });
    return own?.text ?? DEFAULT_COMPLAINT_GUIDANCE[legalArea];
  }

  private async guidance(em: EntityManager, municipalityId: string): Promise<ComplaintGuidanceDto[]> {
    const own = new Map((await em.find(DecisionComplaintTemplate, { where: { municipalityId } })).map((t) => [t.legalArea, t.text]));
    return LEGAL_AREAS.map((a) => {
      const text = own.get(a);
      return text === undefined ? { legalArea: a, text: DEFAULT_COMPLAINT_GUIDANCE[a], source: 'core' as const } : { legalArea: a, text, source: 'municipality' as const };
    });
  }

  private area(legalArea: string): LegalArea {
    if (!(LEGAL_AREAS as readonly string[]).includes(legalArea)) {
      // The area is the record the path names: an unknown one is not found (404), as any record in a path.
      throw new DomainError('decision.legal-area-unknown', 'not-found', `legalArea must be one of ${LEGAL_AREAS.join(', ')}`);
    }
    return legalArea as LegalArea;
  }
}
