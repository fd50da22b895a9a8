import { addDays, addMonths, formatDayKey, weekStart, ZonedCalendar } from '../time';

describe('ZonedCalendar', () => {
  const wita = new ZonedCalendar('Asia/Makassar');

  it('puts day boundaries at local midnight in Asia/Makassar (UTC+8)', () => {
    expect(wita.startOfDay(20250101)).toBe(Date.parse('2024-12-31T16:00:00.000Z'));
    expect(wita.dayKey(Date.parse('2024-12-31T15:59:59.999Z'))).toBe(20241231);
    expect(wita.dayKey(Date.parse('2024-12-31T16:00:00.000Z'))).toBe(20250101);
    expect(wita.monthKey(Date.parse('2025-01-31T16:00:00.000Z'))).toBe(202502);
    expect(wita.isDayStart(Date.parse('2025-03-01T16:00:00.000Z'))).toBe(true);
    expect(wita.isDayStart(Date.parse('2025-03-01T16:00:00.001Z'))).toBe(false);
    expect(wita.startOfMonth(202503)).toBe(Date.parse('2025-02-28T16:00:00.000Z'));
  });

  it('handles daylight saving time, including a day whose midnight does not exist', () => {
    const berlin = new ZonedCalendar('Europe/Berlin');
    expect(berlin.startOfDay(20250330)).toBe(Date.parse('2025-03-29T23:00:00Z')); // CET
    expect(berlin.startOfDay(20250331)).toBe(Date.parse('2025-03-30T22:00:00Z')); // CEST
    expect(berlin.startOfDay(20251027) - berlin.startOfDay(20251026)).toBe(25 * 3_600_000);
    // Brazil 2018: clocks jumped from 00:00 to 01:00 on 4 November, so that day began at 01:00 local.
    const sp = new ZonedCalendar('America/Sao_Paulo');
    expect(sp.startOfDay(20181104)).toBe(Date.parse('2018-11-04T03:00:00Z'));
    expect(sp.dayKey(sp.startOfDay(20181104) - 1)).toBe(20181103);
  });

  it('rejects unknown zones', () => {
    expect(() => new ZonedCalendar('Mars/Olympus')).toThrow(/Unknown time zone/);
  });
});

describe('calendar arithmetic', () => {
  it('adds days and months across boundaries', () => {
    expect(addDays(20241231, 1)).toBe(20250101);
    expect(addDays(20240301, -1)).toBe(20240229);
    expect(addMonths(202412, 1)).toBe(202501);
    expect(addMonths(202501, -1)).toBe(202412);
    expect(addMonths(202501, 25)).toBe(202702);
  });

  it('starts weeks on Monday', () => {
    expect(weekStart(20250105)).toBe(20241230); // Sunday → Monday before
    expect(weekStart(20250106)).toBe(20250106); // Monday
    expect(formatDayKey(20250106)).toBe('2025-01-06');
  });
});
