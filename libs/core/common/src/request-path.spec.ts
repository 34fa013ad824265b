import { loggedPath } from './request-path.js';

describe('loggedPath', () => {
  it('drops the query string', () => {
    expect(loggedPath('/api/v1/courses?q=Anna')).toBe('/api/v1/courses');
  });

  it('replaces the secret of a calendar subscription URL, so a log reader cannot open the feed', () => {
    expect(loggedPath('/api/v1/calendar/q3Xw0n1l5v0dQ2b3j6r8Zk1c4a7e9g0h2i4k6m8o0p2.ics')).toBe('/api/v1/calendar/[redacted]');
    expect(loggedPath('/api/v1/calendar/anything-at-all?x=1')).toBe('/api/v1/calendar/[redacted]');
    expect(loggedPath('/api/v1/staff/00000000-0000-4000-8000-000000000001/calendar.ics')).toBe('/api/v1/staff/00000000-0000-4000-8000-000000000001/calendar.ics');
  });
});
