import { addDays, calendarFromEnv, isOverdue, overdueSteps, WorkingCalendar, SLA_DAYS } from '../sla';

const cal = new WorkingCalendar();

describe('working-day calendar (Asia/Makassar, national holidays, cuti bersama)', () => {
  it('knows weekends, national holidays from date-holidays and collective leave', () => {
    expect(cal.nonWorkingReason('2025-01-04')).toBe('weekend'); // Saturday
    expect(cal.nonWorkingReason('2025-01-01')).toMatch(/tahun baru/i);
    expect(cal.nonWorkingReason('2025-08-17')).toBe('weekend'); // Independence Day 2025 is a Sunday
    expect(cal.nonWorkingReason('2025-04-18')).toMatch(/Wafat/); // Good Friday
    expect(cal.nonWorkingReason('2025-01-28')).toBe('cuti bersama');
    expect(cal.nonWorkingReason('2025-01-02')).toBeNull();
    expect(cal.isWorkingDay('2025-01-06')).toBe(true);
  });

  it('counts due dates to the end of the n-th working day after the local day', () => {
    // Thu 2025-01-02 10:00 WITA → Fri 3, Mon 6, Tue 7 → end of Tue 7 Jan WITA
    expect(cal.dueAfter(new Date('2025-01-02T02:00:00Z'), 3).toISOString()).toBe('2025-01-07T15:59:59.999Z');
    // Thu 2025-01-23: Fri 24; Mon 27 holiday, Tue 28 cuti bersama, Wed 29 Imlek; Thu 30, Fri 31
    expect(cal.dueAfter(new Date('2025-01-23T02:00:00Z'), 3).toISOString()).toBe('2025-01-31T15:59:59.999Z');
  });

  it('uses the local (WITA) day, not the UTC day', () => {
    // 17:00Z on Thu 2 Jan is already 01:00 Fri 3 Jan in Makassar → Mon 6, Tue 7, Wed 8
    expect(cal.localDay(new Date('2025-01-02T17:00:00Z'))).toBe('2025-01-03');
    expect(cal.dueAfter(new Date('2025-01-02T17:00:00Z'), 3).toISOString()).toBe('2025-01-08T15:59:59.999Z');
    expect(cal.offsetMinutes(new Date())).toBe(480);
  });

  it('starts counting on the next working day when submitted on a weekend', () => {
    expect(cal.nthWorkingDayAfter(new Date('2025-01-04T03:00:00Z'), 1)).toBe('2025-01-06');
    expect(cal.nthWorkingDayAfter(new Date('2025-01-04T03:00:00Z'), 3)).toBe('2025-01-08');
  });

  it('spans the Idul Fitri holidays and leave of 2025 for a 14-working-day completion', () => {
    // dispositioned Wed 26 Mar 2025: Thu 27 (1); Fri 28 leave; 29-30 weekend; Mon 31 Idul Fitri; Tue 1 Apr (2);
    // 2-4 and 7 Apr leave; 8-11 (3-6); 14-17 (7-10); Fri 18 Good Friday; 21-24 (11-14)
    const from = new Date('2025-03-26T01:00:00Z');
    expect(cal.nthWorkingDayAfter(from, SLA_DAYS.completion)).toBe('2025-04-24');
    expect(cal.workingDaysBetween(from, cal.dueAfter(from, 14))).toBe(14);
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('without holidays is plain Mon-Fri arithmetic', () => {
    const plain = new WorkingCalendar({ nationalHolidays: false, collectiveLeave: [] });
    expect(plain.nthWorkingDayAfter(new Date('2025-01-27T02:00:00Z'), 5)).toBe('2025-02-03');
    expect(plain.nthWorkingDayAfter(new Date('2025-01-27T02:00:00Z'), 60)).toBe('2025-04-21');
  });

  it('reads collective leave and time zone from env', () => {
    const c = calendarFromEnv({ PANTAU_COLLECTIVE_LEAVE: '2025-01-06', SLA_TIME_ZONE: 'Asia/Jakarta' } as any);
    expect(c.isWorkingDay('2025-01-06')).toBe(false);
    expect(c.isWorkingDay('2025-01-28')).toBe(true); // default list replaced
    expect(c.offsetMinutes(new Date())).toBe(420);
    const extra = calendarFromEnv({ PANTAU_COLLECTIVE_LEAVE_EXTRA: '2025-01-07' } as any);
    expect(extra.isWorkingDay('2025-01-07')).toBe(false);
    expect(extra.isWorkingDay('2025-01-28')).toBe(false);
    expect(() => new WorkingCalendar({ collectiveLeave: ['7 Jan'] })).toThrow(/YYYY-MM-DD/);
  });
});

describe('overdue', () => {
  const base = {
    status: 'SUBMITTED',
    dispositionedAt: null,
    firstResponseAt: null,
    completedAt: null,
    verificationDueAt: new Date('2025-01-07T15:59:59.999Z'),
    responseDueAt: null,
    completionDueAt: null,
  };
  it('is derived from due dates and the steps done', () => {
    expect(isOverdue(base, new Date('2025-01-07T15:00:00Z'))).toBe(false);
    expect(overdueSteps(base, new Date('2025-01-08T00:00:00Z'))).toEqual(['VERIFICATION']);
    expect(isOverdue({ ...base, status: 'ON_HOLD' }, new Date('2025-01-08T00:00:00Z'))).toBe(true);
    expect(isOverdue({ ...base, status: 'ARCHIVED' }, new Date('2025-02-08T00:00:00Z'))).toBe(false);
    const disp = {
      ...base,
      status: 'DISPOSITIONED',
      dispositionedAt: new Date('2025-01-06T00:00:00Z'),
      responseDueAt: new Date('2025-01-13T15:59:59.999Z'),
      completionDueAt: new Date('2025-01-24T15:59:59.999Z'),
    };
    expect(overdueSteps(disp, new Date('2025-01-10T00:00:00Z'))).toEqual([]);
    expect(overdueSteps(disp, new Date('2025-01-14T00:00:00Z'))).toEqual(['FIRST_RESPONSE']);
    expect(overdueSteps(disp, new Date('2025-01-25T00:00:00Z'))).toEqual(['FIRST_RESPONSE', 'COMPLETION']);
    const responded = { ...disp, status: 'IN_PROGRESS', firstResponseAt: new Date('2025-01-20T00:00:00Z') };
    expect(overdueSteps(responded, new Date('2025-01-25T00:00:00Z'))).toEqual(['COMPLETION']);
    const done = { ...responded, status: 'COMPLETED', completedAt: new Date('2025-01-30T00:00:00Z') };
    expect(isOverdue(done, new Date('2025-03-01T00:00:00Z'))).toBe(false);
  });
});
