import { danishDate, danishTime, renderInvitation, type InvitationFacts } from './invitation.js';

const facts = (o: Partial<InvitationFacts> = {}): InvitationFacts => ({
  municipalityName: 'Demo Kommune',
  citizenName: 'Anna Jensen',
  channel: 'digital-post',
  meeting: { type: 'plan', startsAt: new Date('2026-01-12T09:00:00Z'), endsAt: new Date('2026-01-12T10:30:00Z'), placeKind: 'cafe', placeText: 'Café Gaden, Nørregade 4' },
  people: [
    { kind: 'citizen', name: 'Anna Jensen', roles: [], self: true },
    { kind: 'staff', name: 'Mette Holm', roles: ['chair'] },
    { kind: 'external', name: 'Lars Berg', roles: ['explorer'] },
  ],
  contactPerson: 'Mette Holm',
  ...o,
});

describe('renderInvitation', () => {
  it('writes dates and times in Danish, in Danish time (winter and summer)', () => {
    expect(danishDate(new Date('2026-01-12T09:00:00Z'))).toBe('mandag den 12. januar 2026');
    expect(danishTime(new Date('2026-01-12T09:00:00Z'))).toBe('kl. 10.00');
    expect(danishTime(new Date('2026-06-30T22:30:00Z'))).toBe('kl. 00.30');
    expect(danishDate(new Date('2026-06-30T22:30:00Z'))).toBe('onsdag den 1. juli 2026');
  });

  it('says when, where, who comes and what the meeting is for, in plain language', () => {
    const r = renderInvitation(facts());
    expect(r.subject).toBe('Invitation til planmøde mandag den 12. januar 2026 kl. 10.00');
    expect(r.text).toContain('Kære Anna Jensen');
    expect(r.text).toContain('Hvornår: mandag den 12. januar 2026 kl. 10.00 til 11.30');
    expect(r.text).toContain('Hvor: Café Gaden, Nørregade 4');
    expect(r.text).toContain('Hvem kommer: Dig, Mette Holm (mødeleder), Lars Berg');
    expect(r.text).toContain('Hvad skal vi: Vi mødes for at se på din plan sammen');
    expect(r.text).toContain('kontakt Mette Holm. Det er helt i orden at flytte mødet.');
    expect(r.html).toContain('<html lang="da">');
    expect(r.html).toContain('<li>Mette Holm (mødeleder)</li>');
  });

  it('never repeats the citizen’s home address and escapes HTML', () => {
    const r = renderInvitation(facts({ meeting: { ...facts().meeting, placeKind: 'citizen-home', placeText: 'Søndergade 7, 2. th' }, citizenName: 'Anna <b>Jensen</b>' }));
    expect(r.text).toContain('Hvor: Hjemme hos dig');
    expect(r.text).not.toContain('Søndergade');
    expect(r.html).not.toContain('Søndergade');
    expect(r.html).toContain('Anna &lt;b&gt;Jensen&lt;/b&gt;');
  });

  it('keeps an SMS short, with the first name and without other people', () => {
    const r = renderInvitation(facts({ channel: 'sms' }));
    expect(r.text).toBe(
      'Hej Anna. Du er inviteret til planmøde mandag den 12. januar 2026 kl. 10.00 til 11.30. Sted: Café Gaden, Nørregade 4. Passer det ikke, så kontakt Mette Holm. Hilsen Demo Kommune',
    );
    expect(r.text).not.toContain('Lars');
  });

  it('tells of a moved meeting with the new time, place and online link', () => {
    const r = renderInvitation(
      facts({
        change: 'rescheduled',
        meeting: { type: 'plan', startsAt: new Date('2026-01-14T12:00:00Z'), endsAt: new Date('2026-01-14T13:00:00Z'), placeKind: 'online', placeText: null, onlineLink: 'https://meet.example.dk/j/1' },
      }),
    );
    expect(r.subject).toBe('Mødet er flyttet: planmøde onsdag den 14. januar 2026 kl. 13.00');
    expect(r.text).toContain('Dit planmøde er flyttet. Her er den nye tid og det nye sted.');
    expect(r.text).toContain('Hvor: Online: https://meet.example.dk/j/1');
    expect(r.html).toContain('<p>Dit planmøde er flyttet. Her er den nye tid og det nye sted.</p>');
    const sms = renderInvitation(facts({ change: 'rescheduled', channel: 'sms' }));
    expect(sms.text).toMatch(/^Hej Anna\. Dit planmøde er flyttet til mandag den 12\. januar 2026/);
  });

  it('gives a hybrid meeting its place and its link', () => {
    const r = renderInvitation(facts({ meeting: { ...facts().meeting, onlineLink: 'https://meet.example.dk/j/1' } }));
    expect(r.text).toContain('Hvor: Café Gaden, Nørregade 4, eller online: https://meet.example.dk/j/1');
  });

  it('tells of a cancellation without repeating who comes or the place', () => {
    const r = renderInvitation(facts({ change: 'cancelled' }));
    expect(r.subject).toBe('Aflyst: planmøde mandag den 12. januar 2026 kl. 10.00');
    expect(r.text).toContain('Dit planmøde mandag den 12. januar 2026 kl. 10.00 til 11.30 er aflyst. Vi kontakter dig om et nyt tidspunkt.');
    expect(r.text).toContain('kontakt Mette Holm');
    for (const x of ['Lars Berg', 'Café Gaden']) expect(r.text).not.toContain(x);
    const sms = renderInvitation(facts({ change: 'cancelled', channel: 'sms' }));
    expect(sms.text).toMatch(/^Hej Anna\. Dit planmøde .* er aflyst\./);
  });
});
