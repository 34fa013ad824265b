import { bootDeployment, type BootedDeployment } from '@enplan/plugin-api';
import { pairedCaseworkersPlugin } from './index.js';
import { jointMeetingIntervalDays } from './lib/settings.js';

/** The plugin as the host sees it at boot: settings validated with defaults, extensions built from them. */
function boot(settings?: Record<string, unknown>): BootedDeployment {
  return bootDeployment({
    catalogue: [pairedCaseworkersPlugin],
    deployment: { municipalities: [{ code: '219', name: 'Hillerød Kommune', plugins: [{ id: 'paired-caseworkers', ...(settings ? { settings } : {}) }] }] },
  });
}

describe('the paired-caseworkers plugin at boot', () => {
  it('is a valid model plugin with its defaults', () => {
    const r = boot();
    expect(r.models('219').map((m) => m.id)).toEqual(['generic', 'paired-caseworkers']);
    expect(r.enabledPlugins('219')).toEqual([
      {
        id: 'paired-caseworkers',
        displayName: 'Makkerpar',
        version: '0.1.0',
        model: true,
        settings: { jointMeetingsPerYear: 6, planRevisedAtJointMeeting: true, capPerFte: 30 },
      },
    ]);
    expect(r.caseload('219', 'paired-caseworkers')).toEqual({ targetPerFte: 30, capPerFte: 30, cappedRoles: ['caseworker', 'primary-contact'], maxActiveCourses: null });
  });

  it('runs joint meetings every 61 days by default and replaces the core plan-meeting rule', () => {
    const policy = boot().cadencePolicy('219', 'paired-caseworkers');
    expect(policy.rules).toContainEqual(expect.objectContaining({ id: 'joint-meetings', meetingType: 'joint', everyDays: 61 }));
    expect(policy.suppressions).toEqual([expect.objectContaining({ rule: 'plan-every-60-days' })]);
    // The generic model is untouched.
    expect(boot().cadencePolicy('219', 'generic').suppressions).toEqual([]);
  });

  it('follows its settings', () => {
    const r = boot({ jointMeetingsPerYear: 4, planRevisedAtJointMeeting: false, capPerFte: 40, targetPerFte: 35, maxActiveCourses: 120 });
    const policy = r.cadencePolicy('219', 'paired-caseworkers');
    expect(policy.rules).toContainEqual(expect.objectContaining({ id: 'joint-meetings', everyDays: 91 }));
    expect(policy.suppressions).toEqual([]);
    expect(r.caseload('219', 'paired-caseworkers')).toMatchObject({ targetPerFte: 35, capPerFte: 40, maxActiveCourses: 120 });
  });

  it('adds the Hillerød meeting roles and the substitute role', () => {
    const roles = boot().roles('219').filter((x) => x.source === 'paired-caseworkers').map((x) => `${x.kind}:${x.id}`);
    expect(roles).toEqual(['meeting:explorer', 'meeting:captain', 'meeting:witness', 'plugin:pair-substitute']);
  });

  it('refuses invalid settings at boot, naming the setting and the plugin', () => {
    expect(() => boot({ jointMeetingsPerYear: 0 })).toThrow(/plugin "paired-caseworkers" in municipality 219 \(Hillerød Kommune\): setting "jointMeetingsPerYear"/);
    expect(() => boot({ planRevisedAtJointMeeting: 'yes' })).toThrow(/setting "planRevisedAtJointMeeting"/);
    expect(() => boot({ capPerFte: 20, targetPerFte: 25 })).toThrow(/"targetPerFte" \(25\) must not exceed "capPerFte" \(20\)/);
    expect(() => boot({ caseloadCap: 30 })).toThrow(/setting "caseloadCap" is not known/);
  });

  it('spaces joint meetings evenly over the year', () => {
    expect([1, 4, 6, 12].map(jointMeetingIntervalDays)).toEqual([365, 91, 61, 30]);
  });
});
