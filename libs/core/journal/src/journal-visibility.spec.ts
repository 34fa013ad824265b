import type { Viewer } from '@enplan/core/access';
import { defaultVisibility, mayWriteIn, noteVisibleTo } from './journal-visibility.js';

const AUTHOR = '00000000-0000-4000-8000-0000000000aa';
const jobConsultant: Viewer = { userId: '00000000-0000-4000-8000-000000000001', areas: ['employment'], categories: null };
const familyWorker: Viewer = { userId: '00000000-0000-4000-8000-000000000002', areas: ['children'], categories: null };
const integration: Viewer = { userId: '00000000-0000-4000-8000-000000000003', areas: 'all', categories: null };
const school = (categories: string[]): Viewer => ({ userId: '00000000-0000-4000-8000-000000000004', areas: [], categories: categories as Viewer['categories'] });

describe('journal note visibility', () => {
  const childrenNote = { legalArea: 'children' as const, visibility: 'authority' as const, authorId: AUTHOR };

  it('defaults a legal-area note to authority holders and a general note to the team', () => {
    expect(defaultVisibility('children')).toBe('authority');
    expect(defaultVisibility('general')).toBe('team');
  });

  it('hides a children note from a job consultant without authority there', () => {
    expect(noteVisibleTo(jobConsultant, childrenNote)).toBe(false);
    expect(noteVisibleTo(familyWorker, childrenNote)).toBe(true);
    expect(noteVisibleTo(integration, childrenNote)).toBe(true);
    expect(noteVisibleTo({ ...jobConsultant, userId: AUTHOR }, childrenNote)).toBe(true);
  });

  it('shows a team note in any area to the team', () => {
    expect(noteVisibleTo(jobConsultant, { ...childrenNote, visibility: 'team' })).toBe(true);
    expect(noteVisibleTo(jobConsultant, { legalArea: 'general', visibility: 'team', authorId: AUTHOR })).toBe(true);
  });

  it('shows an external party only the shared categories, never authority notes', () => {
    expect(noteVisibleTo(school(['general']), { legalArea: 'general', visibility: 'team', authorId: AUTHOR })).toBe(true);
    expect(noteVisibleTo(school(['general']), { ...childrenNote, visibility: 'team' })).toBe(false);
    expect(noteVisibleTo(school(['children']), { ...childrenNote, visibility: 'team' })).toBe(true);
    expect(noteVisibleTo(school(['children']), childrenNote)).toBe(false);
    expect(noteVisibleTo(school([]), { legalArea: 'general', visibility: 'team', authorId: AUTHOR })).toBe(false);
  });

  it('lets only authority holders and integrations write in a legal area', () => {
    expect(mayWriteIn(jobConsultant, 'children')).toBe(false);
    expect(mayWriteIn(jobConsultant, 'employment')).toBe(true);
    expect(mayWriteIn(jobConsultant, 'general')).toBe(true);
    expect(mayWriteIn(integration, 'health')).toBe(true);
  });
});
