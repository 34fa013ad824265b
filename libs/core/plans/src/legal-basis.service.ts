import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { CORE_LEGAL_BASES, isCoreLegalBasisCode } from './legal-basis.catalogue.js';
import type { CreateLegalBasisDto, LegalBasisDto } from './legal-basis.dto.js';
import { LegalBasis } from './plan.entity.js';
import { legalAreaOfBasis } from './plan-visibility.js';
import { plansError } from './plans.error.js';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class LegalBasisService {
  constructor(private readonly ds: DataSource) {}

  async list(p: Principal): Promise<LegalBasisDto[]> {
    const own = await this.ds.getRepository(LegalBasis).find({ where: { municipalityId: p.municipalityId }, order: { code: 'ASC' } });
    return [
      ...CORE_LEGAL_BASES.map((b) => ({ ...b, legalArea: legalAreaOfBasis(b.code), source: 'core' as const })),
      ...own.map((b) => ({ code: b.code, law: b.law, paragraph: b.paragraph, title: b.title, legalArea: legalAreaOfBasis(b.code), source: 'municipality' as const })),
    ];
  }

  async create(p: Principal, dto: CreateLegalBasisDto): Promise<LegalBasisDto> {
    if (isCoreLegalBasisCode(dto.code)) throw plansError.legalBasisCodeExists();
    try {
      return await this.ds.transaction(async (em) => {
        const clash = await em
          .getRepository(LegalBasis)
          .createQueryBuilder('b')
          .where('b.municipalityId = :m AND upper(b.code) = upper(:code)', { m: p.municipalityId, code: dto.code })
          .getExists();
        if (clash) throw plansError.legalBasisCodeExists();
        const row = await em.save(LegalBasis, em.create(LegalBasis, { municipalityId: p.municipalityId, ...dto }));
        return { code: row.code, law: row.law, paragraph: row.paragraph, title: row.title, legalArea: legalAreaOfBasis(row.code), source: 'municipality' as const };
      });
    } catch (e) {
      // Two concurrent adds of one code both pass the check; the unique constraint decides.
      if ((e as { code?: string }).code === UNIQUE_VIOLATION || (e as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
        throw plansError.legalBasisCodeExists();
      }
      throw e;
    }
  }

  /** Every code an action of this municipality may cite. */
  async codes(em: EntityManager, municipalityId: string): Promise<Set<string>> {
    const own = await em.find(LegalBasis, { where: { municipalityId }, select: { code: true } });
    return this.withCore(own.map((b) => b.code));
  }

  /** The core catalogue's codes plus the municipality's own (read by the caller, e.g. within a larger statement). */
  withCore(own: readonly string[]): Set<string> {
    return new Set([...CORE_LEGAL_BASES.map((b) => b.code), ...own]);
  }
}
