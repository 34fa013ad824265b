import { ConfigurationError, EnplanConfig, validateEnvironment } from './index.js';

describe('ENPLAN_PUBLIC_URL', () => {
  it('is unset by default (URLs handed out then use the request’s own host)', () => {
    expect(new EnplanConfig(validateEnvironment({})).publicUrl).toBeUndefined();
    expect(new EnplanConfig(validateEnvironment({ ENPLAN_PUBLIC_URL: '' })).publicUrl).toBeUndefined();
  });

  it('keeps the address without a trailing slash', () => {
    expect(new EnplanConfig(validateEnvironment({ ENPLAN_PUBLIC_URL: 'https://enplan.kommune.dk/' })).publicUrl).toBe('https://enplan.kommune.dk');
    expect(new EnplanConfig(validateEnvironment({ ENPLAN_PUBLIC_URL: 'http://localhost:3000' })).publicUrl).toBe('http://localhost:3000');
  });

  it('refuses what is not an http(s) URL, naming the variable', () => {
    for (const bad of ['enplan.kommune.dk', 'ftp://enplan.kommune.dk', 'webcal://enplan.kommune.dk']) {
      expect(() => validateEnvironment({ ENPLAN_PUBLIC_URL: bad })).toThrow(ConfigurationError);
      expect(() => validateEnvironment({ ENPLAN_PUBLIC_URL: bad })).toThrow(/ENPLAN_PUBLIC_URL/);
    }
  });
});
