import type { PluginExtensions } from '@enplan/plugin-api';
import { stepUpError } from './errors.js';
import { StepUpFlowService } from './flow.service.js';
import { danishDay, referralReasons } from './rules.js';
import type { StepUpMeetingsSettings } from './settings.js';
import { JOB_CONSULTANT_ROLE, StepUpErrorCode } from './vocabulary.js';
import { STEP_UP_MEETING_RULE, stepUpWorkListExtension } from './work-list.js';

/** The model's extension points for one municipality's settings. */
export function stepUpMeetingsExtensions(s: StepUpMeetingsSettings): PluginExtensions<StepUpMeetingsSettings> {
  return {
    roles: [
      {
        id: JOB_CONSULTANT_ROLE,
        kind: 'meeting',
        label: { da: 'Jobkonsulent', en: 'Job consultant' },
        description: 'Takes part in the step-up meeting and signs the agreement with the chair and the citizen',
      },
    ],
    cadencePolicy: {
      rules: [
        {
          id: STEP_UP_MEETING_RULE,
          meetingType: 'step-up',
          withinDays: s.preparationDays + s.materialDaysBefore,
          of: 'activation',
          description: `The step-up meeting after ${s.preparationDays} days of preparation and ${s.materialDaysBefore} days with the material`,
        },
      ],
      suppressions: [
        {
          rule: 'start-up-within-14-days',
          legalReason: 'In the Step-Up model (Esbjerg, STAR Afklaringspuljen) the cross-disciplinary step-up meeting after a month of preparation takes the place of the start-up meeting',
        },
      ],
    },
    workList: stepUpWorkListExtension,
    eligibility: (input) => {
      const reasons = referralReasons(
        { targetGroup: input.course.targetGroup, referralReasonCode: input.course.referralReasonCode, hasCitizen: input.citizen !== null },
        s,
      );
      return reasons.length ? { eligible: false, reasons, code: StepUpErrorCode.NotEligible } : { eligible: true, reasons: [] };
    },
    hooks: {
      onActivation: async (e, ctx) => {
        if (!(await StepUpFlowService.hasFlow(ctx.db, ctx.municipalityId, e.course.id))) throw stepUpError.flowMissing();
      },
      onClosing: async (e, ctx) => {
        // Declining ends a course that never got going (the citizen said no, or was not eligible after all).
        if (e.to === 'declined') return;
        const pending = await StepUpFlowService.pendingReReview(ctx.db, ctx.municipalityId, e.course.id, danishDay(ctx.now), s.materialDaysBefore);
        if (pending) throw stepUpError.reReviewPending(pending);
      },
    },
  };
}
