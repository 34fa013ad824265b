import { centuryFor, maskCpr, parseCpr, scrubCpr } from './cpr.js';

describe('parseCpr', () => {
  it.each([
    ['0101901234', '1990-01-01'], // 7th digit 1 -> 1900s
    ['010190-1234', '1990-01-01'],
    ['3112364123', '2036-12-31'], // 4 with yy <= 36 -> 2000s
    ['3112374123', '1937-12-31'], // 4 with yy >= 37 -> 1900s
    ['0101575123', '2057-01-01'], // 5..8 with yy <= 57 -> 2000s
    ['0101585123', '1858-01-01'], // 5..8 with yy >= 58 -> 1800s
    ['0101109123', '2010-01-01'], // 9 with yy <= 36 -> 2000s
    ['0101509123', '1950-01-01'], // 9 with yy >= 37 -> 1900s
    ['2902004123', '2000-02-29'], // leap day in 2000
  ])('accepts %s as born %s', (input, birthDate) => {
    const r = parseCpr(input);
    expect(r).toEqual({ ok: true, value: { digits: input.replace('-', ''), birthDate } });
  });

  it.each([
    ['2902001123', 'date'], // 1900 was not a leap year
    ['3204901234', 'date'],
    ['0013901234', 'date'],
    ['0000901234', 'date'],
    ['01019012345', 'format'],
    ['010190 1234', 'format'],
    ['abcdefghij', 'format'],
    ['', 'format'],
  ])('rejects %s (%s)', (input, error) => {
    expect(parseCpr(input)).toEqual({ ok: false, error });
  });

  it('refuses a birth date after today when today is given: the century digit was mistyped', () => {
    expect(parseCpr('010145-5123', '2026-01-05')).toEqual({ ok: false, error: 'future' });
    expect(parseCpr('0501265123', '2026-01-05')).toEqual({ ok: true, value: { digits: '0501265123', birthDate: '2026-01-05' } });
    expect(parseCpr('0601265123', '2026-01-05')).toEqual({ ok: false, error: 'future' });
    expect(parseCpr('010145-5123')).toMatchObject({ ok: true });
  });

  it('derives centuries from the 7th digit', () => {
    expect([0, 1, 2, 3].map((d) => centuryFor(99, d))).toEqual([1900, 1900, 1900, 1900]);
    expect([4, 9].map((d) => centuryFor(36, d))).toEqual([2000, 2000]);
    expect([5, 6, 7, 8].map((d) => centuryFor(58, d))).toEqual([1800, 1800, 1800, 1800]);
  });

  it('masks the serial part and scrubs CPR-like numbers in free text', () => {
    expect(maskCpr('0101901234')).toBe('010190-****');
    expect(scrubCpr('citizen 010190-1234 and 0202851234 but not 12345')).toBe('citizen [cpr] and [cpr] but not 12345');
  });
});
