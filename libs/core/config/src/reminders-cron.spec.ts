import { ConfigurationError, EnplanConfig, validateEnvironment } from './index.js';

describe('ENPLAN_REMINDERS_CRON', () => {
  it('is off unless set', () => {
    expect(new EnplanConfig(validateEnvironment({})).remindersCron).toBeUndefined();
    expect(new EnplanConfig(validateEnvironment({ ENPLAN_REMINDERS_CRON: '' })).remindersCron).toBeUndefined();
  });

  it('accepts a cron expression', () => {
    expect(new EnplanConfig(validateEnvironment({ ENPLAN_REMINDERS_CRON: '0 6 * * 1-5' })).remindersCron).toBe('0 6 * * 1-5');
    expect(new EnplanConfig(validateEnvironment({ ENPLAN_REMINDERS_CRON: '*/15 6-18 * * MON-FRI' })).remindersCron).toBe('*/15 6-18 * * MON-FRI');
  });

  it('refuses anything else at boot, naming the variable', () => {
    for (const bad of ['daily', '0 6 * *', '0 6 * * 1; rm -rf /']) {
      expect(() => validateEnvironment({ ENPLAN_REMINDERS_CRON: bad })).toThrow(ConfigurationError);
      expect(() => validateEnvironment({ ENPLAN_REMINDERS_CRON: bad })).toThrow(/ENPLAN_REMINDERS_CRON/);
    }
  });
});
