import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { amendedBudget, budgetProblems, type LintCounts } from './openapi-lint.mjs';
import { breakingChanges, CHANGELOG_FILE, checkProblems, DOCUMENT_FILE, documentText, STALE, TYPES_FILE, unrecorded, writeProblems } from './openapi.mjs';

/**
 * The OpenAPI contract (tools/scripts/openapi.mjs, openapi-lint.mjs): which differences break an integrator, when
 * the changelog records them, the lint budget; and, in a scratch copy of the workspace, a response field removed
 * from a DTO failing `npm run openapi:check` while an added field passes once regenerated (.ci/run runs the check
 * on the real tree).
 */
const root = join(import.meta.dirname, '../..');

const BEFORE = {
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/api/v1/things/{id}': {
      get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, { name: 'q', in: 'query', required: false, schema: { type: 'string' } }], responses: { '200': { description: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingDto' } } } } } },
      delete: { responses: { '204': { description: '' } } },
    },
    '/api/v1/things': {
      post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateThingDto' } } } }, responses: { '201': { description: '' } } },
    },
  },
  components: {
    schemas: {
      Kind: { type: 'string', enum: ['a', 'b', 'c'] },
      ThingDto: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' }, note: { type: 'string' }, kind: { $ref: '#/components/schemas/Kind' } } },
      CreateThingDto: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, note: { type: 'string' }, kind: { $ref: '#/components/schemas/Kind' } } },
    },
  },
};
type Doc = typeof BEFORE;
const changed = (edit: (d: Doc) => void): Doc => {
  const d = structuredClone(BEFORE);
  edit(d);
  return d;
};

describe('breaking changes between two documents', () => {
  it('finds a removed operation, a removed field, a newly required request field or parameter and a removed enum value', () => {
    const after = changed((d) => {
      delete (d.paths['/api/v1/things/{id}'] as Partial<Doc['paths']['/api/v1/things/{id}']>).delete;
      delete (d.components.schemas.ThingDto.properties as Partial<Doc['components']['schemas']['ThingDto']['properties']>).note;
      d.components.schemas.CreateThingDto.required.push('note');
      d.paths['/api/v1/things/{id}'].get.parameters[1].required = true;
      d.components.schemas.Kind.enum = ['a', 'c'];
    });
    expect(breakingChanges(BEFORE, after)).toEqual([
      'removed enum value: Kind "b"',
      'removed field: ThingDto.note',
      'removed operation: DELETE /api/v1/things/{id}',
      'required request field: CreateThingDto.note',
      'required request parameter: GET /api/v1/things/{id} query q',
    ]);
  });

  it('finds a schema whose type changed: a list that became a page, a field of another type', () => {
    const after = changed((d) => {
      Object.assign(d.paths['/api/v1/things/{id}'].get.responses['200'].content['application/json'], { schema: { type: 'array', items: { $ref: '#/components/schemas/ThingDto' } } });
      Object.assign(d.components.schemas.ThingDto.properties.name, { type: 'integer' });
    });
    expect(breakingChanges(BEFORE, after)).toEqual(['changed type: GET /api/v1/things/{id} responses 200', 'changed type: ThingDto.name']);
    expect(breakingChanges(after, BEFORE)).toEqual(['changed type: GET /api/v1/things/{id} responses 200', 'changed type: ThingDto.name']);
  });

  it('lists nothing for additions, descriptions, or a response field becoming required', () => {
    const after = changed((d) => {
      Object.assign(d.components.schemas.ThingDto.properties, { extra: { type: 'integer' } });
      d.components.schemas.ThingDto.required.push('note');
      d.components.schemas.Kind.enum.push('d');
      Object.assign(d.paths['/api/v1/things/{id}'].get, { description: 'One thing' });
      Object.assign(d.paths, { '/api/v1/other': { get: { responses: { '200': { description: '' } } } } });
    });
    expect(breakingChanges(BEFORE, after)).toEqual([]);
  });

  it('names a removed path by each of its operations', () => {
    const after = changed((d) => delete (d.paths as Partial<Doc['paths']>)['/api/v1/things/{id}']);
    expect(breakingChanges(BEFORE, after)).toEqual(['removed operation: DELETE /api/v1/things/{id}', 'removed operation: GET /api/v1/things/{id}']);
  });
});

describe('the changelog records a breaking change', () => {
  const change = 'removed field: ThingDto.note';
  it('only under "Unreleased", verbatim in backticks', () => {
    expect(unrecorded([change], `# Changelog\n\n## Unreleased\n\n- \`${change}\`: read \`remark\` instead.\n\n## 0.1.0\n`)).toEqual([]);
    expect(unrecorded([change], `# Changelog\n\n## Unreleased\n\n## 0.1.0\n\n- \`${change}\`\n`)).toEqual([change]);
    expect(unrecorded([change], `## Unreleased\n\n- ${change}\n`)).toEqual([change]);
    expect(unrecorded([change], undefined)).toEqual([change]);
  });
});

describe('openapi:check and npm run openapi', () => {
  const committed = documentText(BEFORE);
  const removal = documentText(changed((d) => delete (d.components.schemas.ThingDto.properties as Partial<Doc['components']['schemas']['ThingDto']['properties']>).note));
  const state = { committed, generated: committed, types: 'T', committedTypes: 'T', changelog: '## Unreleased\n' };

  it('passes when the committed document and types are what the sources generate', () => {
    expect(checkProblems(state)).toEqual([]);
  });

  it('fails on an unrecorded breaking change, naming it and the changelog, and refuses to write it', () => {
    const problems = checkProblems({ ...state, generated: removal });
    expect(problems).toEqual([expect.stringContaining(`${CHANGELOG_FILE} does not record them under "## Unreleased":\n  - \`removed field: ThingDto.note\``), STALE]);
    expect(writeProblems({ ...state, generated: removal })).toEqual([expect.stringContaining('Nothing was written.')]);
  });

  it('once recorded, only asks for the regeneration; any other difference, or stale types, is stale', () => {
    const changelog = '## Unreleased\n\n- `removed field: ThingDto.note`: gone.\n';
    expect(checkProblems({ ...state, generated: removal, changelog })).toEqual([STALE]);
    expect(writeProblems({ ...state, generated: removal, changelog })).toEqual([]);
    expect(checkProblems({ ...state, types: 'T2' })).toEqual([STALE]);
    expect(checkProblems({ ...state, committed: undefined })).toEqual([`${DOCUMENT_FILE} is missing: create it with npm run openapi`]);
  });

  it('writes keys in a stable order whatever order the host produced them in', () => {
    const shuffled = { components: BEFORE.components, paths: BEFORE.paths, info: { version: '1', title: 't' }, openapi: '3.0.0' };
    expect(documentText(shuffled)).toBe(committed);
    expect(committed.startsWith('{\n  "openapi": "3.0.0",\n  "info": {\n    "title": "t",')).toBe(true);
    expect(committed.endsWith('}\n')).toBe(true);
  });
});

describe('the lint budget', () => {
  const counts = (errors: number, warnings: number): LintCounts => ({ errors, warnings, problems: [], warningTexts: [] });
  it('fails on any error and on warnings above the budget', () => {
    expect(budgetProblems({ redocly: counts(0, 3), spectral: counts(0, 100) }, { redocly: { warnings: 3 }, spectral: { warnings: 120 } })).toEqual([]);
    expect(budgetProblems({ redocly: counts(1, 0) }, { redocly: { warnings: 3 } })).toEqual([expect.stringContaining('redocly: 1 error(s)')]);
    expect(budgetProblems({ spectral: counts(0, 121) }, { spectral: { warnings: 120 } })).toEqual(['spectral: 121 warnings, the budget in docs/openapi-lint-budget.json allows 120']);
  });

  it('only goes down with --amend; raising it takes --raise', () => {
    expect(amendedBudget({ spectral: counts(0, 100) }, { spectral: { warnings: 120 } })).toEqual({ spectral: { warnings: 100 } });
    expect(amendedBudget({ spectral: counts(0, 130) }, { spectral: { warnings: 120 } })).toEqual({ spectral: { warnings: 120 } });
    expect(amendedBudget({ spectral: counts(0, 130) }, { spectral: { warnings: 120 } }, true)).toEqual({ spectral: { warnings: 130 } });
  });

  it('is committed for both linters', () => {
    const budget = JSON.parse(readFileSync(join(root, 'docs/openapi-lint-budget.json'), 'utf8')) as Record<string, { warnings: number }>;
    expect(Object.keys(budget).sort()).toEqual(['redocly', 'spectral']);
  });
});

describe('openapi:check in a scratch copy of the workspace', () => {
  let copy: string;
  const DTO = 'libs/core/organisation/src/org-unit.dto.ts';
  const run = (...args: string[]) => spawnSync(process.execPath, [join(copy, 'tools/scripts/openapi.mjs'), ...args], { cwd: copy, encoding: 'utf8' });
  const file = (path: string) => readFileSync(join(copy, path), 'utf8');
  let dto: string;

  beforeAll(() => {
    // As tools/scripts/plugin-probe.sh copies it: sources only, node_modules linked.
    copy = mkdtempSync(join(tmpdir(), 'enplan-openapi-'));
    const exclude = ['node_modules', 'dist', '.nx', 'data', 'tmp', 'coverage', 'docs/plugin-api', '.git'].map((d) => `--exclude=./${d}`);
    const tar = spawnSync('bash', ['-c', `tar -C "$1" ${exclude.join(' ')} -cf - . | tar -C "$2" -xf -`, 'copy', root, copy], { encoding: 'utf8' });
    expect(tar.stderr).toBe('');
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
    dto = file(DTO);
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('fails on a response field removed from a DTO, and npm run openapi refuses to write it', () => {
    // OrgUnitDto.createdAt leaves the document (the property stays in the class, undocumented).
    const planted = dto.replace(/^\s*@ApiProperty\([^\n]*'When the unit was registered'[^\n]*\)\n(?=\s*createdAt: string;)/m, '');
    expect(planted).not.toBe(dto);
    writeFileSync(join(copy, DTO), planted);
    const committed = file(DOCUMENT_FILE);

    const check = run('--check');
    expect(check.stderr).toContain('does not record them under "## Unreleased":\n  - `removed field: OrgUnitDto.createdAt`\n');
    expect(check.stderr).toContain(STALE);
    expect(check.status).toBe(1);

    const write = run();
    expect(write.stderr).toContain('Nothing was written.');
    expect(write.status).toBe(1);
    expect(file(DOCUMENT_FILE)).toBe(committed);
  }, 600_000);

  it('passes an added response field once npm run openapi has regenerated the document and the client', () => {
    writeFileSync(join(copy, DTO), dto.replace(/(export class OrgUnitDto \{\n)/, "$1  @ApiProperty({ required: false, description: 'Planted by a test' })\n  plantedByATest?: string;\n\n"));
    const write = run();
    expect(write.stderr).toContain(`wrote ${DOCUMENT_FILE}`);
    expect(write.status).toBe(0);
    expect(file(DOCUMENT_FILE)).toContain('"plantedByATest"');
    expect(file(TYPES_FILE)).toContain('plantedByATest?: string;');

    const check = run('--check');
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  }, 600_000);
});
