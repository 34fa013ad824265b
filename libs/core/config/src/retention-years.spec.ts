import { ConfigurationError, validateEnvironment } from './environment.js';
import { EnplanConfig } from './enplan-config.js';

describe('ENPLAN_RETENTION_YEARS', () => {
  it('defaults to 5 years', () => {
    expect(new EnplanConfig(validateEnvironment({})).retentionYears).toBe(5);
  });

  it('takes a whole number of years', () => {
    expect(new EnplanConfig(validateEnvironment({ ENPLAN_RETENTION_YEARS: '10' })).retentionYears).toBe(10);
  });

  it.each(['0', '-1', 'five', '2.5', '101'])('rejects %s naming the variable', (value) => {
    try {
      validateEnvironment({ ENPLAN_RETENTION_YEARS: value });
      throw new Error('expected a ConfigurationError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigurationError);
      expect((e as ConfigurationError).problems.map((p) => p.variable)).toEqual(['ENPLAN_RETENTION_YEARS']);
    }
  });
});
