import { ConfigurationError, validateEnvironment } from './environment.js';
import { EnplanConfig } from './enplan-config.js';
import { parseDeployment } from './deployment.js';

function problemsOf(env: Record<string, string>): { variable: string; message: string }[] {
  try {
    validateEnvironment(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigurationError);
    return (e as ConfigurationError).problems;
  }
  throw new Error('expected a ConfigurationError');
}

describe('configuration', () => {
  it('defaults to the embedded database under ./data with demo data', () => {
    const c = new EnplanConfig(validateEnvironment({}), '/srv/enplan');
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe('/srv/enplan/data');
    expect(c.database).toEqual({ kind: 'pglite', dataDir: '/srv/enplan/data/pglite' });
    expect(c.seedDemo).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL is set, without demo data unless asked', () => {
    const c = new EnplanConfig(validateEnvironment({ DATABASE_URL: 'postgres://u:p@db:5432/enplan', DATABASE_POOL_SIZE: '20' }));
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://u:p@db:5432/enplan', poolSize: 20 });
    expect(c.seedDemo).toBe(false);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_POOL_SIZE', '0'],
    ['LOG_LEVEL', 'chatty'],
    ['ENPLAN_SEED_DEMO', 'maybe'],
    ['AUTH_JWKS_URL', 'not a url'],
    ['NODE_ENV', 'staging'],
  ])('rejects %s=%s naming the variable', (variable, value) => {
    const problems = problemsOf({ [variable]: value });
    expect(problems.map((p) => p.variable)).toEqual([variable]);
    expect(problems[0].message).toContain(JSON.stringify(value));
  });

  it('never echoes a database URL, which may hold a password', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://admin:s3cret@db/x' });
    expect(problems[0].variable).toBe('DATABASE_URL');
    expect(JSON.stringify(problems)).not.toContain('s3cret');
  });

  it('reports every bad variable at once', () => {
    expect(problemsOf({ PORT: 'x', LOG_LEVEL: 'y' }).map((p) => p.variable).sort()).toEqual(['LOG_LEVEL', 'PORT']);
  });
});

describe('deployment file', () => {
  it('accepts municipalities with plugins and settings', () => {
    const d = parseDeployment({ municipalities: [{ code: '260', name: 'Halsnæs', plugins: [{ id: 'borgerkonsulent', settings: { caseloadCap: 15 } }] }] }, 'test');
    expect(d.municipalities[0].plugins[0].id).toBe('borgerkonsulent');
  });

  it.each([
    [{ municipalities: [] }, 'municipalities'],
    [{ municipalities: [{ code: '26', name: 'X', plugins: [] }] }, 'municipalities.0.code'],
    [{ municipalities: [{ code: '260', name: 'X', plugins: [{ id: 'Bad Id' }] }] }, 'municipalities.0.plugins.0.id'],
    [{ municipalities: [{ code: '260', name: 'X', plugins: [] }, { code: '260', name: 'Y', plugins: [] }] }, 'listed twice'],
    [{ municipalities: [{ code: '260', name: 'X', plugins: [] }], extra: 1 }, 'extra'],
  ])('rejects %j naming %s', (raw, where) => {
    expect(() => parseDeployment(raw, 'deployments/x.json')).toThrow(where);
  });
});
