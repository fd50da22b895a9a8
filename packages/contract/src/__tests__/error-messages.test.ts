import { ERROR_CODES, ERROR_KEYS, ERROR_MESSAGES, ERROR_PARAM_NAMES, FIELD_LABELS, LANGS, fieldLabel, formatError, placeholders } from '..';

const sorted = (xs: string[]) => [...new Set(xs)].sort();

describe('error message catalogue', () => {
  test('every code and every code.reason has a non-empty message in every language, and nothing else does', () => {
    for (const lang of LANGS) {
      for (const key of ERROR_KEYS) {
        expect([lang, key, typeof ERROR_MESSAGES[lang][key]]).toEqual([lang, key, 'string']);
        expect(ERROR_MESSAGES[lang][key].trim().length).toBeGreaterThan(0);
      }
      expect(sorted(Object.keys(ERROR_MESSAGES[lang]))).toEqual(sorted(ERROR_KEYS));
    }
    for (const code of ERROR_CODES) expect(ERROR_KEYS).toContain(code);
    for (const key of ERROR_KEYS) expect(ERROR_CODES).toContain(key.split('.')[0]);
  });

  test('the languages use the same placeholders for each key', () => {
    for (const key of ERROR_KEYS) {
      expect([key, sorted(placeholders(ERROR_MESSAGES.en[key]))]).toEqual([key, sorted(placeholders(ERROR_MESSAGES.id[key]))]);
    }
  });

  test("a message's placeholders are among its key's typed parameters", () => {
    for (const lang of LANGS) {
      for (const key of ERROR_KEYS) {
        const allowed: readonly string[] = ERROR_PARAM_NAMES[key];
        for (const p of placeholders(ERROR_MESSAGES[lang][key])) expect([lang, key, p, allowed.includes(p)]).toEqual([lang, key, p, true]);
      }
    }
  });

  test('field labels exist for the same paths in every language', () => {
    expect(sorted(Object.keys(FIELD_LABELS.en))).toEqual(sorted(Object.keys(FIELD_LABELS.id)));
  });

  test('formatError fills parameters, translates field paths and enum values', () => {
    const ext = { code: 'BAD_USER_INPUT', reason: 'TOO_SHORT', field: 'title', min: 5, max: 200 };
    expect(formatError('en', ext)).toBe('Title must be 5–200 characters long.');
    expect(formatError('id', ext)).toBe('Judul harus 5–200 karakter.');
    const t = { code: 'INVALID_TRANSITION', reason: 'STATUS', action: 'RATE', status: 'IN_PROGRESS' };
    expect(formatError('en', t)).toBe('Cannot rate a report with status IN_PROGRESS.');
    expect(formatError('id', t)).toBe('Tindakan "beri nilai" tidak dapat dilakukan pada laporan berstatus "sedang diproses".');
    expect(formatError('id', { code: 'RATE_LIMITED', retryAfterSeconds: 30 })).toBe('Terlalu banyak permintaan. Coba lagi dalam 30 detik.');
    // ranges with an en dash; numbers as sent (a client may pass them pre-formatted in its locale)
    const body = { code: 'BAD_USER_INPUT', reason: 'TOO_SHORT', field: 'body', min: 20, max: 5000 };
    expect(formatError('id', body)).toContain('20–5000');
    expect(formatError('id', { ...body, max: '5.000' })).toContain('20–5.000');
  });

  test('an unknown reason, a missing parameter or an unknown code fall back', () => {
    expect(formatError('en', { code: 'NOT_FOUND', reason: 'NO_SUCH_REASON' })).toBe('Not found.');
    expect(formatError('en', { code: 'BAD_USER_INPUT', reason: 'TOO_SHORT', field: 'title' })).toBe('The request is not valid.');
    expect(formatError('id', { code: 'SOMETHING_ELSE' })).toBe(ERROR_MESSAGES.id.INTERNAL_SERVER_ERROR);
    expect(formatError('id', {})).toBe(ERROR_MESSAGES.id.INTERNAL_SERVER_ERROR);
    // a code's general message without its parameter: the placeholder goes, the sentence stays
    expect(formatError('en', { code: 'SUBGRAPH_UNAVAILABLE' })).toBe('The service does not answer; its fields are null in this answer, the rest is complete.');
  });

  test('fieldLabel: labelled paths, list items, unknown paths as they are', () => {
    expect(fieldLabel('id', 'reporter.phone')).toBe('Nomor ponsel pelapor');
    expect(fieldLabel('en', 'attachmentIds.3')).toBe('Attachments');
    expect(fieldLabel('en', 'representations[2]')).toBe('representations[2]');
    expect(fieldLabel('id', 'toString')).toBe('toString');
  });
});
