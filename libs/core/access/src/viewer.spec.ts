import type { Principal } from '@enplan/core/auth';
import type { CourseFacts } from './course-facts.js';
import { canSee, memberMaySee, viewerOf, type CourseAccessContext, type Viewer } from './viewer.js';

const principal = (userId: string, ...roles: string[]): Principal => ({ userId, municipalityCode: '999', municipalityId: 'm1', roles });
const facts = (id: string, sharedCategories: CourseFacts['sharedCategories']): CourseFacts => ({
  id,
  status: 'active',
  modelId: 'generic',
  team: [],
  former: [],
  teamUnits: [],
  grantees: [],
  grantReasons: {},
  sharingUnits: Object.keys(sharedCategories),
  sharedCategories,
  citizenIds: [],
});
const ctx = (o: Partial<CourseAccessContext>): CourseAccessContext => ({ principal: principal('kim', 'caseworker'), staff: null, facts: [], external: false, basis: [], ...o });

describe('viewerOf: what a reader may see of one course', () => {
  it('gives staff their authority areas and no category filter', () => {
    expect(viewerOf(ctx({ staff: { id: 'kim', unitId: 'u1', authorityAreas: ['employment', 'health'] } }), 'c1')).toEqual({ userId: 'kim', areas: ['employment', 'health'], categories: null });
    expect(viewerOf(ctx({}), 'c1')).toEqual({ userId: 'kim', areas: [], categories: null });
    expect(viewerOf(ctx({ principal: principal('sys', 'integrator') }), 'c1')).toEqual({ userId: 'sys', areas: 'all', categories: null });
  });

  it('gives an external reader only the categories this course’s consent shares with their unit', () => {
    const external = ctx({
      principal: principal('ext', 'external'),
      staff: { id: 'ext', unitId: 'u-x', authorityAreas: ['health'] },
      external: true,
      facts: [facts('c0', { 'u-x': ['health'] }), facts('c1', { 'u-x': ['employment', 'general'], 'u-y': ['health'] })],
    });
    expect(viewerOf(external, 'c1')).toEqual({ userId: 'ext', areas: [], categories: ['employment', 'general'] });
    expect(viewerOf(external, 'c2')).toEqual({ userId: 'ext', areas: [], categories: [] });
    expect(viewerOf({ ...external, staff: null }, 'c1')).toEqual({ userId: 'ext', areas: [], categories: [] });
    expect(viewerOf({ ...external, staff: { id: 'ext', unitId: 'u-z', authorityAreas: [] } }, 'c1').categories).toEqual([]);
  });

  it('sees nothing without an access context', () => {
    expect(viewerOf(undefined, 'c1')).toEqual({ userId: '', areas: [], categories: [] });
    expect(canSee(viewerOf(undefined, 'c1'), { legalArea: 'employment' })).toBe(false);
  });
});

describe('canSee: items by visibility', () => {
  const staff: Viewer = { userId: 'kim', areas: ['employment'], categories: null };
  const external: Viewer = { userId: 'ext', areas: [], categories: ['employment', 'general'] };

  it('shows team items to every staff reader, authority items to holders of the area and to their author', () => {
    expect(canSee(staff, {})).toBe(true);
    expect(canSee(staff, { legalArea: 'health', visibility: 'team' })).toBe(true);
    expect(canSee(staff, { legalArea: 'health', visibility: 'member' })).toBe(true);
    expect(canSee(staff, { legalArea: 'employment', visibility: 'authority' })).toBe(true);
    expect(canSee(staff, { legalArea: 'health', visibility: 'authority' })).toBe(false);
    expect(canSee(staff, { legalArea: 'health', visibility: 'authority', authorId: 'kim' })).toBe(true);
    expect(canSee(staff, { legalArea: 'health', visibility: 'authority', authorId: 'other' })).toBe(false);
    expect(canSee({ ...staff, userId: '' }, { legalArea: 'health', visibility: 'authority', authorId: '' })).toBe(false);
    expect(canSee({ ...staff, areas: 'all' }, { legalArea: 'health', visibility: 'authority' })).toBe(true);
    // An authority item without an area cannot be placed: it stays with the team.
    expect(canSee(staff, { visibility: 'authority', legalArea: null })).toBe(true);
  });

  it('shows an external reader only shared categories, untagged items as general, and never authority items', () => {
    expect(canSee(external, { legalArea: 'employment' })).toBe(true);
    expect(canSee(external, { legalArea: 'health' })).toBe(false);
    expect(canSee(external, {})).toBe(true);
    expect(canSee({ ...external, categories: ['employment'] }, {})).toBe(false);
    expect(canSee(external, { legalArea: 'employment', visibility: 'member' })).toBe(true);
    expect(canSee(external, { legalArea: 'employment', visibility: 'authority' })).toBe(false);
    expect(canSee(external, { legalArea: 'employment', visibility: 'authority', authorId: 'ext' })).toBe(false);
    expect(canSee({ ...external, categories: [] }, {})).toBe(false);
  });
});

describe('memberMaySee: a family member’s own view', () => {
  const circle = new Set(['mor', 'barn']);
  it('shows what concerns the reader or a child in their custody, and what names nobody', () => {
    expect(memberMaySee(circle, {})).toBe(true);
    expect(memberMaySee(circle, { concerns: ['barn'] })).toBe(true);
    expect(memberMaySee(circle, { concerns: ['far'] })).toBe(false);
    expect(memberMaySee(circle, { visibility: 'member', concerns: ['far', 'mor'] })).toBe(true);
  });

  it('keeps an authority item from the family unless it names whom it concerns', () => {
    expect(memberMaySee(circle, { visibility: 'authority' })).toBe(false);
    expect(memberMaySee(circle, { visibility: 'authority', concerns: [] })).toBe(false);
    expect(memberMaySee(circle, { visibility: 'authority', concerns: ['mor'] })).toBe(true);
    expect(memberMaySee(circle, { visibility: 'authority', concerns: ['far'] })).toBe(false);
    expect(memberMaySee(circle, { visibility: 'team', concerns: [] })).toBe(true);
  });
});
