import { Module } from '@nestjs/common';
import { definePlugin } from '@enplan/plugin-api';
import { STEP_UP_ENTITIES } from './entities.js';
import { stepUpError } from './errors.js';
import { StepUpFlowController } from './flow.controller.js';
import { StepUpFlowService } from './flow.service.js';
import { STEP_UP_MIGRATIONS } from './migrations/index.js';
import { danishDay, referralReasons } from './rules.js';
import { StepUpMeetingsSettings } from './settings.js';
import { stepUpMeetingsDemo } from './demo.js';
import { JOB_CONSULTANT_ROLE, STEP_UP_ID, StepUpErrorCode } from './vocabulary.js';
import { STEP_UP_MEETING_RULE, stepUpWorkListExtension } from './work-list.js';

@Module({ controllers: [StepUpFlowController], providers: [StepUpFlowService] })
export class StepUpMeetingsModule {}

/**
 * Esbjerg's Step-Up meetings as a course model: a fixed target group selected by rule (time on benefit),
 * a month of preparation with a worksheet and signed consent, material to the departments a week before, a
 * chaired step-up meeting with a job consultant, a signed agreement naming the next step, and a re-review
 * six months later. The plugin drives that flow with its own states, deadlines and agreement document.
 */
export const stepUpMeetingsPlugin = definePlugin<StepUpMeetingsSettings>({
  id: STEP_UP_ID,
  displayName: 'Step-up-møder (Esbjerg)',
  description:
    'Rule-selected target group (years on benefit), one month of preparation with worksheet and signed consent, material to the departments ' +
    'a week before, a chaired step-up meeting with a job consultant, a signed agreement document, and a re-review after six months.',
  version: '0.1.0',
  pluginApi: '^1.0.0',
  model: true,
  module: StepUpMeetingsModule,
  entities: STEP_UP_ENTITIES,
  migrations: STEP_UP_MIGRATIONS,
  settings: StepUpMeetingsSettings,
  demo: stepUpMeetingsDemo,
  extensions: (s) => ({
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
  }),
});
