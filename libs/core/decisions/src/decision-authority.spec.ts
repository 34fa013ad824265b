import { DomainError } from '@enplan/core/common';
import { decidedBy, describeProvision, missingToDecide } from './decision-authority.js';
import { DEFAULT_COMMITTEE_LEGAL_BASES } from './decision-vocabulary.js';

const BL_46 = { code: 'BL-46', law: 'Barnets lov', paragraph: '§ 46' };
const SEL_85 = { code: 'SEL-85', law: 'Serviceloven', paragraph: '§ 85' };
const TODAY = '2026-03-02';

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

describe('who decides a provision', () => {
  it('a committee provision is decided with the committee\'s approval recorded, approved today or before', () => {
    expect(decidedBy(BL_46, DEFAULT_COMMITTEE_LEGAL_BASES, { approvedOn: '2026-01-20' }, TODAY)).toBe('committee');
    expect(decidedBy(BL_46, DEFAULT_COMMITTEE_LEGAL_BASES, { approvedOn: TODAY }, TODAY)).toBe('committee');
  });

  it('a committee provision without the approval is refused, naming the provision and what to record', () => {
    const message =
      "A decision under barnets lov § 46 (BL-46) is made by a committee in your municipality: record the committee's approval (committee, approvedOn, reference)";
    for (const approval of [undefined, null]) {
      expect(problem(() => decidedBy(BL_46, DEFAULT_COMMITTEE_LEGAL_BASES, approval, TODAY))).toEqual({
        code: 'decision.committee-approval-required',
        kind: 'unprocessable',
        message,
        errors: [{ field: 'committeeApproval', code: 'decision.committee-approval-required', message }],
      });
    }
  });

  it('refuses an approval dated after today', () => {
    const p = problem(() => decidedBy(BL_46, DEFAULT_COMMITTEE_LEGAL_BASES, { approvedOn: '2026-03-03' }, TODAY));
    expect(p).toEqual({
      code: 'decision.committee-approval-required',
      kind: 'unprocessable',
      message: 'The committee cannot have approved in the future',
      errors: [{ field: 'committeeApproval.approvedOn', code: 'decision.committee-approval-required', message: 'The committee cannot have approved in the future' }],
    });
  });

  it("any other provision is the model's authority check, and an approval for it is refused", () => {
    expect(decidedBy(SEL_85, DEFAULT_COMMITTEE_LEGAL_BASES, undefined, TODAY)).toBe('authority');
    expect(decidedBy(SEL_85, DEFAULT_COMMITTEE_LEGAL_BASES, null, TODAY)).toBe('authority');
    expect(problem(() => decidedBy(SEL_85, DEFAULT_COMMITTEE_LEGAL_BASES, { approvedOn: '2026-01-20' }, TODAY))).toEqual({
      code: 'decision.committee-approval-not-needed',
      kind: 'unprocessable',
      message: "SEL-85 is not on your municipality's list of committee provisions",
      errors: [{ field: 'committeeApproval', code: 'decision.committee-approval-not-needed', message: "SEL-85 is not on your municipality's list of committee provisions" }],
    });
  });

  it("follows the municipality's own list, not the default", () => {
    expect(decidedBy(SEL_85, ['SEL-85'], { approvedOn: '2026-01-20' }, TODAY)).toBe('committee');
    expect(decidedBy(BL_46, [], undefined, TODAY)).toBe('authority');
    expect(problem(() => decidedBy(BL_46, ['SEL-85'], { approvedOn: '2026-01-20' }, TODAY)).code).toBe('decision.committee-approval-not-needed');
  });
});

describe('what a draft needs before it is decided', () => {
  const complete = { legalBasis: 'SEL-85', summary: 'Bevilget', text: 'Du får støtte', reasoning: 'Fordi', complaintGuidance: 'Du kan klage', effectiveFrom: '2026-03-01' };

  it('nothing when every field is filled in', () => {
    expect(missingToDecide(complete)).toEqual([]);
  });

  it('names every empty or blank field, in order', () => {
    expect(missingToDecide({ legalBasis: null, summary: '', text: '  ', reasoning: '\n', complaintGuidance: '', effectiveFrom: null })).toEqual([
      'legalBasis',
      'summary',
      'text',
      'reasoning',
      'complaintGuidance',
      'effectiveFrom',
    ]);
    expect(missingToDecide({ ...complete, reasoning: ' ' })).toEqual(['reasoning']);
    expect(missingToDecide({ ...complete, effectiveFrom: null })).toEqual(['effectiveFrom']);
    expect(missingToDecide({ ...complete, legalBasis: '' })).toEqual(['legalBasis']);
  });
});

describe('how a provision is named', () => {
  it('by the law in running text and the paragraph', () => {
    expect(describeProvision(BL_46)).toBe('barnets lov § 46');
    expect(describeProvision({ law: 'Lov om social service', paragraph: '§ 107' })).toBe('lov om social service § 107');
  });
});
