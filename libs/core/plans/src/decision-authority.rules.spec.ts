import { DomainError } from '@enplan/core/common';
import type { AuthorityDecision, LegalBasisFacts } from '@enplan/core/extensions';
import type { LegalArea } from '@enplan/core/organisation';
import { authorityRefusal, checkedArea, decisionArea, DecisionErrorCode, describeDecision, type AuthorityOutcome } from './decision-authority.rules.js';

const SEL_85: LegalBasisFacts = { code: 'SEL-85', law: 'Serviceloven', paragraph: '§ 85', title: 'Socialpædagogisk bistand', legalArea: 'social-adults' };
const LAB_57: LegalBasisFacts = { code: 'LAB-57', law: 'Lov om en aktiv beskæftigelsesindsats', paragraph: '§ 57', title: 'Virksomhedspraktik', legalArea: 'employment' };
const LOCAL: LegalBasisFacts = { code: 'X-1', law: 'Kommunens egen ordning', paragraph: '§ 1', title: 'Lokal ordning', legalArea: null };
const FIELDS = { areaField: 'items[0].legalArea', basisField: 'items[0].legalBasis' };

/** What the caller receives: the thrown problem's status kind, code, message and body members. */
function problem(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { code: e.code, kind: e.kind, message: e.message, ...e.extensions };
  }
  throw new Error('expected a refusal');
}

/** The core's own rule's answers (coreDecisionAuthority: authority in the area), as the registry gives them for a course without a model plugin. */
const coreAnswer = (authorityAreas: LegalArea[] | null, legalArea: LegalArea): AuthorityDecision =>
  !authorityAreas
    ? { allowed: false, reason: `Only a staff member with authority in ${legalArea} may decide under it` }
    : authorityAreas.includes(legalArea)
      ? { allowed: true }
      : { allowed: false, reason: `The staff member recording it holds no authority in ${legalArea}` };

describe('the area a decision is made under', () => {
  it('follows from the legal basis, or from the area named, or both when they agree', () => {
    expect(decisionArea({ legalBasis: 'SEL-85' }, SEL_85, FIELDS)).toEqual({ legalArea: 'social-adults', basis: SEL_85 });
    expect(decisionArea({ legalArea: 'health' }, null, FIELDS)).toEqual({ legalArea: 'health', basis: null });
    expect(decisionArea({ legalArea: 'social-adults', legalBasis: 'SEL-85' }, SEL_85, FIELDS)).toEqual({ legalArea: 'social-adults', basis: SEL_85 });
  });

  it('takes the named area for a municipal provision the catalogue cannot place', () => {
    expect(decisionArea({ legalArea: 'employment', legalBasis: 'X-1' }, LOCAL, FIELDS)).toEqual({ legalArea: 'employment', basis: LOCAL });
  });

  it('refuses a basis outside the catalogue (422), naming the basis field', () => {
    expect(problem(() => decisionArea({ legalArea: 'employment', legalBasis: 'SEL-999' }, null, FIELDS))).toEqual({
      code: DecisionErrorCode.LegalBasisUnknown,
      kind: 'unprocessable',
      message: 'legalBasis must be a code of the legal-basis catalogue (GET /legal-bases)',
      errors: [{ field: 'items[0].legalBasis', code: 'decision.legal-basis-unknown', message: 'legalBasis must be a code of the legal-basis catalogue (GET /legal-bases)' }],
    });
  });

  it('refuses an area that disagrees with the basis (422), naming the area field and both areas', () => {
    const p = problem(() => decisionArea({ legalArea: 'employment', legalBasis: 'SEL-85' }, SEL_85, FIELDS));
    expect(p).toMatchObject({ code: 'decision.legal-area-mismatch', kind: 'unprocessable', message: 'The legal basis SEL-85 belongs to social-adults, not employment' });
    expect(p.errors).toEqual([{ field: 'items[0].legalArea', code: 'decision.legal-area-mismatch', message: 'The legal basis SEL-85 belongs to social-adults, not employment' }]);
  });

  it('refuses a decision with neither area nor basis (400), naming the area field', () => {
    const p = problem(() => decisionArea({ legalArea: null, legalBasis: null }, null, FIELDS));
    expect(p).toMatchObject({ code: 'decision.legal-area-missing', kind: 'invalid' });
    expect(p.message).toBe('A decision names the legal area it is made under (legalArea), or the legal basis it decides under (legalBasis)');
    expect(p.errors).toEqual([{ field: 'items[0].legalArea', code: 'decision.legal-area-missing', message: p.message }]);
  });

  it('asks for the area when only a provision the catalogue cannot place is named (400)', () => {
    const p = problem(() => decisionArea({ legalBasis: 'X-1' }, LOCAL, FIELDS));
    expect(p).toMatchObject({ code: 'decision.legal-area-missing', kind: 'invalid' });
    expect(p.message).toBe('The legal basis X-1 belongs to no legal area the catalogue knows: name the legalArea the decision is made under');
  });

  it('checks authority under the area named, else the provision\'s, and not at all when neither places it', () => {
    expect(checkedArea('health', SEL_85)).toBe('health');
    expect(checkedArea(null, SEL_85)).toBe('social-adults');
    expect(checkedArea(undefined, LOCAL)).toBeNull();
    expect(checkedArea(null, null)).toBeNull();
  });
});

describe('how a refused decision is named', () => {
  it('by the law in running text, the paragraph and the area; by the area alone without a provision', () => {
    expect(describeDecision('social-adults', SEL_85)).toBe('serviceloven § 85 (social-adults)');
    expect(describeDecision('employment', LAB_57)).toBe('lov om en aktiv beskæftigelsesindsats § 57 (employment)');
    expect(describeDecision('health', null)).toBe('health');
  });
});

describe('the refusal for a set of decisions', () => {
  const outcome = (field: string, legalArea: LegalArea, basis: LegalBasisFacts | null, decision: AuthorityOutcome['decision']): AuthorityOutcome => ({ field, legalArea, basis, decision });

  it('is none when every decision is allowed: a staff member decides across all the areas they hold', () => {
    const areas: LegalArea[] = ['employment', 'social-adults'];
    expect(authorityRefusal([outcome('a', 'employment', LAB_57, coreAnswer(areas, 'employment')), outcome('b', 'social-adults', SEL_85, coreAnswer(areas, 'social-adults'))])).toBeNull();
    expect(authorityRefusal([])).toBeNull();
  });

  it('names only the refused decision, with the default code, the provision and the rule\'s reason', () => {
    const areas: LegalArea[] = ['employment'];
    const e = authorityRefusal([outcome('actions[0]', 'employment', LAB_57, coreAnswer(areas, 'employment')), outcome('actions[1]', 'social-adults', SEL_85, coreAnswer(areas, 'social-adults'))]);
    expect(e).toBeInstanceOf(DomainError);
    const message = 'A decision under serviceloven § 85 (social-adults) is refused: The staff member recording it holds no authority in social-adults';
    expect({ code: e?.code, kind: e?.kind, message: e?.message, ...e?.extensions }).toEqual({
      code: 'plugin.decision-authority',
      kind: 'unprocessable',
      message,
      errors: [{ field: 'actions[1]', code: 'plugin.decision-authority', message }],
      decisions: [{ field: 'actions[1]', legalArea: 'social-adults', legalBasis: 'SEL-85' }],
    });
  });

  it("carries the model's own code: a paired caseworker is refused in the partner's area", () => {
    const e = authorityRefusal([
      outcome('legalBasis', 'employment', null, { allowed: false, code: 'paired-caseworkers.partner-area', reason: "employment is the partner's area" }),
    ]);
    expect(e?.code).toBe('paired-caseworkers.partner-area');
    expect(e?.message).toBe("A decision under employment is refused: employment is the partner's area");
    expect(e?.extensions).toEqual({
      errors: [{ field: 'legalBasis', code: 'paired-caseworkers.partner-area', message: "A decision under employment is refused: employment is the partner's area" }],
      decisions: [{ field: 'legalBasis', legalArea: 'employment', legalBasis: null }],
    });
  });

  it('lists every refused decision, takes the first refusal\'s code and message and counts the rest', () => {
    const e = authorityRefusal([
      outcome('actions[0]', 'social-adults', SEL_85, { allowed: false, code: 'paired-caseworkers.substitution-not-in-force', reason: 'The substitution covering social-adults is not in force on 2026-03-02 (2026-02-01 – 2026-02-28)' }),
      outcome('actions[1]', 'employment', LAB_57, { allowed: true }),
      outcome('actions[2]', 'employment', LAB_57, coreAnswer(null, 'employment')),
      outcome('actions[3]', 'health', null, { allowed: false, reason: 'Health decisions are made by the region' }),
    ]);
    expect(e?.code).toBe('paired-caseworkers.substitution-not-in-force');
    expect(e?.message).toBe(
      'A decision under serviceloven § 85 (social-adults) is refused: The substitution covering social-adults is not in force on 2026-03-02 (2026-02-01 – 2026-02-28) (and 2 more)',
    );
    expect(e?.extensions.errors).toEqual([
      { field: 'actions[0]', code: 'paired-caseworkers.substitution-not-in-force', message: expect.stringContaining('not in force') },
      {
        field: 'actions[2]',
        code: 'plugin.decision-authority',
        message: 'A decision under lov om en aktiv beskæftigelsesindsats § 57 (employment) is refused: Only a staff member with authority in employment may decide under it',
      },
      { field: 'actions[3]', code: 'plugin.decision-authority', message: 'A decision under health is refused: Health decisions are made by the region' },
    ]);
    expect(e?.extensions.decisions).toEqual([
      { field: 'actions[0]', legalArea: 'social-adults', legalBasis: 'SEL-85' },
      { field: 'actions[2]', legalArea: 'employment', legalBasis: 'LAB-57' },
      { field: 'actions[3]', legalArea: 'health', legalBasis: null },
    ]);
  });
});
