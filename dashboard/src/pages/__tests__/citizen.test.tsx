import { formatError } from '@pantau/contract';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/renderApp';
import { jsonResponse, registryHandlers, TRACKED } from '../../test/fixtures';
import { gqlError } from '../../test/urqlTestClient';
import type { TrackedReport } from '../../graphql/operations';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const submitted = (trackingId = 'LPR-7K3M-Q9TX-2B4D-V', created = true) => ({
  submitReport: { created, report: { id: 'rep-new', trackingId, status: 'SUBMITTED', submittedAt: '2026-03-02T01:00:00.000Z', verificationDueAt: '2026-03-05T09:00:00.000Z' } },
});

let fetchMock: jest.Mock;
beforeEach(() => {
  window.localStorage.clear();
  window.sessionStorage.clear();
  fetchMock = jest.fn();
  (globalThis as any).fetch = fetchMock;
});
afterEach(() => {
  delete (globalThis as any).fetch;
});

const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

/** Fills every required field with values the form accepts (region down to the village). */
async function fillValidForm() {
  change(await screen.findByLabelText(/^Judul laporan/), 'Jalan poros berlubang besar');
  change(screen.getByLabelText(/^Uraian laporan/), 'Lubang sedalam 30 cm di depan SD 005 sejak Januari, sudah dua motor jatuh.');
  await waitFor(() => expect(screen.getByRole('option', { name: 'Kesehatan' })).toBeTruthy());
  change(screen.getByLabelText(/^Topik/), 'KESEHATAN');
  change(screen.getByLabelText('Provinsi'), '64');
  change(await screen.findByLabelText('Kabupaten/kota'), '64.02');
  await screen.findByRole('option', { name: 'Semboja' });
  change(screen.getByLabelText('Kecamatan'), '64.02.18');
  await screen.findByRole('option', { name: 'Pilih desa/kelurahan…' });
  change(screen.getByLabelText('Desa/kelurahan'), '64.02.18.2001');
}

describe('Lapor (submit a report, public)', () => {
  test('prefilled from the URL, cascades to the village, offers roads for an asset topic, uploads first, submits once, shows the tracking ID', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fetchMock.mockResolvedValue(
      jsonResponse(201, { id: '0b6c3f0e-7a55-4c5e-9a53-2f1f1c0d9e11', filename: 'lubang.png', contentType: 'image/png', size: 2048, url: '/attachments/0b6c3f0e' }),
    );
    let answer!: (v: unknown) => void;
    const { callsTo, currentUrl } = await renderApp('/lapor?topic=JALAN&region=64.02', {
      ...registryHandlers,
      SubmitReport: () => new Promise((resolve) => (answer = resolve)),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Laporkan masalah pelayanan publik' })).toBeTruthy();
    // No filters bar on the citizen pages; the nav marks the page.
    expect(screen.queryByRole('region', { name: 'Filter' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Lapor' }).getAttribute('aria-current')).toBe('page');

    await waitFor(() => expect((screen.getByLabelText(/^Topik/) as HTMLSelectElement).value).toBe('JALAN'));
    expect((screen.getByLabelText('Provinsi') as HTMLSelectElement).value).toBe('64');
    expect((screen.getByLabelText('Kabupaten/kota') as HTMLSelectElement).value).toBe('64.02');
    change(await screen.findByLabelText('Kecamatan'), '64.02.18');
    change(await screen.findByLabelText('Desa/kelurahan'), '64.02.18.2001');

    // Roads through the chosen village's district, for the asset topic JALAN only.
    const road = (await screen.findByLabelText(/^Ruas jalan/)) as HTMLSelectElement;
    await within(road).findByRole('option', { name: 'Jalan Poros Muara Wis–Kota Bangun (jalan kabupaten)' });
    expect(callsTo('Roads').at(-1)!.variables).toEqual({ regionCode: '64.02.18.2001' });
    expect(within(road).queryByRole('option', { name: /Samarinda/ })).toBeNull();
    change(road, 'kukar-r007');

    change(screen.getByLabelText(/^Judul laporan/), 'Jalan poros berlubang besar');
    change(screen.getByLabelText(/^Uraian laporan/), 'Lubang sedalam 30 cm di depan SD 005 sejak Januari, sudah dua motor jatuh.');
    change(screen.getByLabelText(/^Nama/), 'Siti Aminah');
    change(screen.getByLabelText(/^Nomor ponsel/), '0812-3456-7890');
    fireEvent.click(screen.getByRole('checkbox', { name: /Anonim/ }));
    expect(screen.getByRole('checkbox', { name: /Anonim/ }).getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/tidak ditampilkan kepada instansi yang dilaporkan maupun kepada publik/)).toBeTruthy();
    expect(screen.getByText(/tidak ditampilkan kepada publik dan pimpinan/)).toBeTruthy();

    // The attachment goes up first (multipart, part "file", no token for a citizen).
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'lubang.png', { type: 'image/png' });
    await act(async () => fireEvent.change(screen.getByLabelText('Pilih berkas'), { target: { files: [file] } }));
    await screen.findByText('Terunggah');
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/attachments');
    expect(init.method).toBe('POST');
    expect((init.body as FormData).get('file')).toBeInstanceOf(File);
    expect(init.headers.Authorization).toBeUndefined();

    // A double click sends one request.
    const send = screen.getByRole('button', { name: 'Kirim laporan' });
    await act(async () => {
      fireEvent.click(send);
      fireEvent.click(send);
    });
    expect(callsTo('SubmitReport')).toHaveLength(1);
    const { input } = callsTo('SubmitReport')[0].variables;
    expect(input).toMatchObject({
      title: 'Jalan poros berlubang besar',
      topic: 'JALAN',
      classification: 'PENGADUAN',
      regionCode: '64.02.18.2001',
      roadId: 'kukar-r007',
      reporter: { name: 'Siti Aminah', phone: '0812-3456-7890' },
      anonymous: true,
      confidential: false,
      attachmentIds: ['0b6c3f0e-7a55-4c5e-9a53-2f1f1c0d9e11'],
    });
    expect(input.idempotencyKey).toMatch(UUID);
    await act(async () => answer(submitted()));

    expect(await screen.findByRole('heading', { name: 'Laporan Anda sudah kami terima' })).toBeTruthy();
    expect(screen.getByTestId('tracking-id').textContent).toBe('LPR-7K3M-Q9TX-2B4D-V');
    expect(screen.getByRole('note').textContent).toContain('Simpan nomor ini sekarang.');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Salin nomor' })));
    expect(writeText).toHaveBeenCalledWith('LPR-7K3M-Q9TX-2B4D-V');
    expect(screen.getByText('Nomor pelacakan sudah disalin.')).toBeTruthy();
    // Kept for Lacak in this tab only, never in the URL.
    expect(window.sessionStorage.getItem('pantau.trackingId')).toBe('LPR-7K3M-Q9TX-2B4D-V');
    expect(currentUrl()).not.toContain('LPR');
    expect(screen.getByRole('link', { name: 'Lacak laporan ini' }).getAttribute('href')).toBe('/lacak?region=64.02&topic=JALAN');
  });

  test('checks the form before sending and links each problem to its field', async () => {
    const { callsTo } = await renderApp('/lapor', { ...registryHandlers, SubmitReport: () => submitted() });
    await screen.findByRole('heading', { level: 1, name: 'Laporkan masalah pelayanan publik' });
    change(screen.getByLabelText(/^Email/), 'bukan-email');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Kirim laporan' })));
    const summary = await screen.findByRole('alert');
    expect(document.activeElement).toBe(summary);
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Judul laporan: Judul harus 5–200 karakter.',
      'Uraian laporan: Uraian harus 20–5.000 karakter: ceritakan apa yang terjadi, di mana dan kapan.',
      'Topik: Pilih topik dari daftar.',
      'Lokasi masalah: Pilih lokasi sampai desa/kelurahan.',
      'Email: Alamat email tidak sah.',
    ]);
    fireEvent.click(within(summary).getByRole('link', { name: /^Email/ }));
    expect(document.activeElement).toBe(screen.getByLabelText(/^Email/));
    expect(screen.getByLabelText(/^Email/).getAttribute('aria-invalid')).toBe('true');
    expect(callsTo('SubmitReport')).toHaveLength(0);
  });

  test('server validation errors appear next to their fields; a lost answer is retried with the same key', async () => {
    const answers: unknown[] = [
      gqlError('BAD_USER_INPUT', 'server text, never shown', null, {
        reason: 'TOO_SHORT',
        field: 'title',
        min: 5,
        max: 200,
        fields: [
          { field: 'title', reason: 'TOO_SHORT', min: 5, max: 200 },
          { field: 'reporter.phone', reason: 'INVALID_PHONE' },
        ],
      }),
      new Error('Failed to fetch'),
      submitted('LPR-AAAA-BBBB-CCCC-D', false),
    ];
    const { callsTo } = await renderApp('/lapor', { ...registryHandlers, SubmitReport: () => answers.shift() });
    await fillValidForm();
    change(screen.getByLabelText(/^Nomor ponsel/), '0812 3456 7890');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Kirim laporan' })));

    // Translated by reason and parameters with the contract's catalogue, never the server's text.
    const summary = await screen.findByRole('alert');
    expect(document.activeElement).toBe(summary);
    expect(summary.textContent).not.toContain('server text');
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Judul laporan: Judul harus 5–200 karakter.',
      'Nomor ponsel: Nomor ponsel pelapor harus nomor ponsel Indonesia, misalnya 0812-3456-7890.',
    ]);
    const title = screen.getByLabelText(/^Judul laporan/);
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(title.getAttribute('aria-describedby')!.split(' ').at(-1)!)!.textContent).toBe('Judul harus 5–200 karakter.');
    const phone = screen.getByLabelText(/^Nomor ponsel/);
    expect(phone.getAttribute('aria-invalid')).toBe('true');

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Kirim laporan' })));
    expect((await screen.findByRole('alert')).textContent).toContain('Server tidak dapat dihubungi.');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Kirim laporan' })));
    expect(await screen.findByText('Laporan ini sudah terkirim sebelumnya; tidak ada laporan ganda yang dibuat.')).toBeTruthy();
    expect(screen.getByTestId('tracking-id').textContent).toBe('LPR-AAAA-BBBB-CCCC-D');

    const keys = callsTo('SubmitReport').map((c) => c.variables.input.idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);

    // "Send another report" starts a new form with a new key.
    fireEvent.click(screen.getByRole('button', { name: 'Kirim laporan lain' }));
    expect((await screen.findByLabelText(/^Judul laporan/) as HTMLInputElement).value).toBe('');
  });

  test('after a lost answer and an edit, a key conflict fetches the report that was stored instead of failing', async () => {
    const answers: unknown[] = [
      new Error('Failed to fetch'),
      gqlError('CONFLICT', 'This idempotencyKey was already used for a different report.', null, { reason: 'IDEMPOTENCY_KEY_REUSED' }),
      submitted('LPR-EEEE-FFFF-GGGG-H', false),
    ];
    const { callsTo } = await renderApp('/lapor', { ...registryHandlers, SubmitReport: () => answers.shift() });
    await fillValidForm();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Kirim laporan' })));
    await screen.findByRole('alert');
    change(screen.getByLabelText(/^Judul laporan/), 'Judul yang sudah diubah');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Kirim laporan' })));
    expect(await screen.findByText(/Kiriman Anda sebelumnya ternyata sudah tercatat/)).toBeTruthy();
    const sent = callsTo('SubmitReport').map((c) => c.variables.input);
    expect(sent.map((i) => i.title)).toEqual(['Jalan poros berlubang besar', 'Judul yang sudah diubah', 'Jalan poros berlubang besar']);
    expect(sent[2]).toEqual(sent[0]);
  });

  test('in English the refusals are translated by code into English, and an upload refused by the server says why', async () => {
    fetchMock.mockResolvedValue(jsonResponse(415, { errors: [{ message: 'server text', extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', reason: 'FILE_TYPE', contentType: 'application/x-msdownload' } }] }));
    await renderApp('/lapor?lang=en', {
      ...registryHandlers,
      SubmitReport: () =>
        gqlError('BAD_USER_INPUT', 'server text', null, {
          reason: 'TOO_LONG',
          field: 'title',
          min: 5,
          max: 200,
          fields: [{ field: 'title', reason: 'TOO_LONG', min: 5, max: 200 }],
        }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Report a public-service problem' });
    const file = new File(['%PDF'], 'surat.pdf', { type: 'application/pdf' });
    await act(async () => fireEvent.change(screen.getByLabelText('Choose files'), { target: { files: [file] } }));
    const refused = formatError('en', { code: 'UNSUPPORTED_MEDIA_TYPE', reason: 'FILE_TYPE', contentType: 'application/x-msdownload' });
    expect(await screen.findByText(`Failed: ${refused}`)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Upload surat.pdf again' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove attachment surat.pdf' }));

    change(screen.getByLabelText(/^Title/), 'Jalan poros berlubang besar');
    change(screen.getByLabelText(/^Description/), 'Lubang sedalam 30 cm di depan SD 005 sejak Januari, sudah dua motor jatuh.');
    await waitFor(() => expect(screen.getByRole('option', { name: 'Health' })).toBeTruthy());
    change(screen.getByLabelText(/^Topic/), 'KESEHATAN');
    change(screen.getByLabelText('Province'), '64');
    change(await screen.findByLabelText('Regency/city'), '64.02');
    change(await screen.findByLabelText('District'), '64.02.01'); // a district without villages is complete
    await waitFor(() => expect(screen.queryByLabelText('Village')).toBeNull());
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send report' })));
    await screen.findByRole('alert');
    expect(screen.getByLabelText(/^Title/).closest('.form-field')!.textContent).toContain('Title must be at most 200 characters long.');
  });
});

describe('Lacak (follow a report with its tracking ID)', () => {
  const trackHandlers = (report: () => typeof TRACKED | null) => ({
    ...registryHandlers,
    ReportByTrackingId: ({ trackingId }: { trackingId: string }) =>
      trackingId === 'LPR-7K3M-Q9TX-2B4D-V'
        ? { reportByTrackingId: report() }
        : trackingId.startsWith('LPR-')
          ? gqlError('BAD_USER_INPUT', 'server text', null, { reason: 'INVALID_TRACKING_ID', field: 'trackingId' })
          : { reportByTrackingId: null },
  });

  test('a mistyped ID is explained at the field; the right one shows status, timeline and responses, never in the URL', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, {}));
    (window.URL as any).createObjectURL = jest.fn(() => 'blob:x');
    (window.URL as any).revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { callsTo, currentUrl } = await renderApp('/lacak', trackHandlers(() => TRACKED));
    expect(await screen.findByRole('heading', { level: 1, name: 'Lacak laporan' })).toBeTruthy();
    const input = screen.getByLabelText(/^Nomor pelacakan/);
    change(input, 'LPR-7K3M-Q9TX-2B4D-W');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Lacak' })));
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(input.closest('.form-field')!.textContent).toContain('Nomor pelacakan tidak sah');

    change(input, ' lpr-7k3m-q9tx-2b4d-v ');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Lacak' })));
    expect(callsTo('ReportByTrackingId').at(-1)!.variables).toEqual({ trackingId: 'LPR-7K3M-Q9TX-2B4D-V' });
    const status = (await screen.findByRole('heading', { level: 2, name: 'Status laporan' })).closest('section')!;
    await waitFor(() => expect(status.getAttribute('data-state')).toBe('ready'));
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(status.textContent).toContain('Selesai');
    expect(screen.getByText('Laporan ditemukan. Status: Selesai.')).toBeTruthy();
    expect(status.textContent).toContain('Instansi menyatakan tindak lanjut selesai.');
    expect(status.textContent).toContain('Lampu jalan padam di Desa Muara Wis');
    const timeline = screen.getByRole('heading', { level: 2, name: 'Linimasa' }).closest('section')!;
    expect(within(timeline).getAllByRole('listitem').map((li) => li.querySelector('strong')!.textContent)).toEqual([
      'Laporan masuk',
      'Diverifikasi dan didisposisikan',
      'Diselesaikan',
    ]);
    expect(timeline.textContent).toContain('Ke: DPUPR Kukar');
    expect(timeline.textContent).toContain('Lampu sudah diganti.');
    const responses = screen.getByRole('heading', { level: 2, name: 'Tanggapan' }).closest('section')!;
    expect(responses.textContent).toContain('Tim kami sudah mengganti lampu.');

    // The reporter's download proves ownership with X-Tracking-Id, not a token.
    await act(async () => fireEvent.click(within(responses).getByRole('button', { name: 'Unduh: bukti.jpg' })));
    const [url, init] = fetchMock.mock.calls.at(-1)!;
    expect(url).toBe('/attachments/a9');
    expect(init.headers['X-Tracking-Id']).toBe('LPR-7K3M-Q9TX-2B4D-V');
    expect(init.headers.Authorization).toBeUndefined();
    expect(click).toHaveBeenCalled();
    click.mockRestore();

    expect(currentUrl()).toBe('/lacak');
    expect(window.sessionStorage.getItem('pantau.trackingId')).toBe('LPR-7K3M-Q9TX-2B4D-V');
    fireEvent.click(screen.getByRole('button', { name: 'Lupakan nomor ini' }));
    expect(window.sessionStorage.getItem('pantau.trackingId')).toBeNull();
    expect(screen.queryByRole('heading', { level: 2, name: 'Status laporan' })).toBeNull();
  });

  test('rates a completed report once, then offers only reopen; reopen asks for a reason', async () => {
    window.sessionStorage.setItem('pantau.trackingId', 'LPR-7K3M-Q9TX-2B4D-V');
    let current = { ...TRACKED };
    const { callsTo } = await renderApp('/lacak', {
      ...trackHandlers(() => current),
      RateReport: ({ input }) => {
        current = { ...current, rating: input.rating, availableActions: ['REOPEN'] };
        return { rateReport: { report: { id: 'rep-9', status: 'COMPLETED', version: 7 } } };
      },
      ReopenReport: () => {
        current = { ...current, status: 'IN_PROGRESS', availableActions: [] };
        return { reopenReport: { report: { id: 'rep-9', status: 'IN_PROGRESS', version: 8 } } };
      },
    });
    // Remembered from this tab: loads at once.
    const followUp = (await screen.findByRole('heading', { level: 2, name: 'Tindak lanjut Anda' })).closest('section')!;
    const radios = within(followUp).getAllByRole('radio');
    expect(radios).toHaveLength(5);
    await act(async () => fireEvent.click(within(followUp).getByRole('button', { name: 'Kirim penilaian' })));
    expect(followUp.textContent).toContain('Pilih nilai 1 sampai 5.');
    fireEvent.click(within(followUp).getByRole('radio', { name: '4 Puas' }));
    change(within(followUp).getByLabelText(/^Komentar/), 'Cepat ditangani.');
    const before = callsTo('ReportByTrackingId').length;
    await act(async () => fireEvent.click(within(followUp).getByRole('button', { name: 'Kirim penilaian' })));
    expect(callsTo('RateReport')[0].variables.input).toEqual({ trackingId: 'LPR-7K3M-Q9TX-2B4D-V', rating: 4, comment: 'Cepat ditangani.' });
    expect(await screen.findByText('Terima kasih, penilaian Anda sudah tercatat.')).toBeTruthy();
    await waitFor(() => expect(callsTo('ReportByTrackingId').length).toBeGreaterThan(before));
    expect(callsTo('ReportByTrackingId').at(-1)!.context.requestPolicy).toBe('network-only');
    await screen.findByText('Penilaian Anda: 4/5.');
    expect(screen.queryByRole('button', { name: 'Kirim penilaian' })).toBeNull();

    const reason = screen.getByLabelText(/^Alasan membuka kembali/);
    expect(reason.closest('.form-field')!.textContent).toContain('Dapat dilakukan sampai');
    change(reason, 'Ok');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Buka kembali laporan' })));
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(callsTo('ReopenReport')).toHaveLength(0);
    change(reason, 'Lampu padam lagi sejak kemarin malam.');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Buka kembali laporan' })));
    expect(callsTo('ReopenReport')[0].variables.input).toEqual({ trackingId: 'LPR-7K3M-Q9TX-2B4D-V', reason: 'Lampu padam lagi sejak kemarin malam.' });
    expect(await screen.findByText(/Laporan dibuka kembali/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('heading', { level: 2, name: 'Tindak lanjut Anda' })).toBeNull());
    expect(screen.getByRole('heading', { level: 2, name: 'Status laporan' }).closest('section')!.textContent).toContain('Sedang diproses');
  });

  test('an open report offers no reporter actions; an unknown ID says so; an outage can be retried', async () => {
    let down = true;
    await renderApp('/lacak', {
      ...registryHandlers,
      ReportByTrackingId: ({ trackingId }) =>
        down ? gqlError('INTERNAL_SERVER_ERROR', 'reports is down') : { reportByTrackingId: trackingId === 'LPR-0000' ? null : { ...TRACKED, status: 'DISPOSITIONED', completedAt: null, availableActions: [] } },
    });
    change(await screen.findByLabelText(/^Nomor pelacakan/), 'LPR-7K3M-Q9TX-2B4D-V');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Lacak' })));
    const status = screen.getByRole('heading', { level: 2, name: 'Status laporan' }).closest('section')!;
    await waitFor(() => expect(status.getAttribute('data-state')).toBe('error'));
    down = false;
    await act(async () => fireEvent.click(within(status).getByRole('button', { name: 'Coba lagi' })));
    await waitFor(() => expect(status.getAttribute('data-state')).toBe('ready'));
    expect(status.textContent).toContain('Instansi wajib menanggapi dalam 5 hari kerja.');
    expect(screen.queryByRole('heading', { name: 'Tindak lanjut Anda' })).toBeNull();

    change(screen.getByLabelText(/^Nomor pelacakan/), 'LPR-0000');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Lacak' })));
    await waitFor(() => expect(status.getAttribute('data-state')).toBe('empty'));
    expect(status.textContent).toContain('Tidak ada laporan dengan nomor ini.');
  });
});

describe('Lacak: the reporter answers a hold (addReportDetail)', () => {
  const HELD: TrackedReport = {
    ...TRACKED,
    status: 'ON_HOLD',
    agency: null,
    dispositionedAt: null,
    firstResponseAt: null,
    completedAt: null,
    responses: [],
    availableActions: ['ADD_DETAIL'],
    timeline: [
      TRACKED.timeline[1],
      { id: 'h1', type: 'ReportHeld', at: '2026-03-02T03:00:00.000Z', actorRole: 'ADMIN', fromStatus: 'SUBMITTED', toStatus: 'ON_HOLD', note: 'Lokasi kurang jelas.', fromAgency: null, toAgency: null },
      { id: 'h2', type: 'ReportHeld', at: '2026-03-03T03:00:00.000Z', actorRole: 'ADMIN', fromStatus: 'SUBMITTED', toStatus: 'ON_HOLD', note: 'Sebutkan nomor tiang lampu yang padam.', fromAgency: null, toAgency: null },
    ],
  };
  const detailPanel = async () => (await screen.findByRole('heading', { level: 2, name: 'Lengkapi laporan Anda' })).closest('section')!;

  test('shows the latest hold note, uploads a file, sends the detail with the tracking ID, then reloads', async () => {
    window.sessionStorage.setItem('pantau.trackingId', 'LPR-7K3M-Q9TX-2B4D-V');
    fetchMock.mockResolvedValue(
      jsonResponse(201, { id: '5d7f0c1e-2b3a-4c5d-8e9f-0a1b2c3d4e5f', filename: 'tiang.jpg', contentType: 'image/jpeg', size: 4096, url: '/attachments/5d7f0c1e' }),
    );
    let current: TrackedReport = HELD;
    const { callsTo } = await renderApp('/lacak', {
      ...registryHandlers,
      ReportByTrackingId: () => ({ reportByTrackingId: current }),
      AddReportDetail: ({ input }) => {
        current = {
          ...HELD,
          status: 'SUBMITTED',
          availableActions: [],
          timeline: [
            ...HELD.timeline,
            { id: 'h3', type: 'ReportDetailAdded', at: '2026-03-04T03:00:00.000Z', actorRole: 'REPORTER', fromStatus: 'ON_HOLD', toStatus: 'SUBMITTED', note: null, fromAgency: null, toAgency: null },
          ],
          details: [{ id: 'd1', body: input.detail, createdAt: '2026-03-04T03:00:00.000Z', attachments: [{ id: input.attachmentIds[0], filename: 'tiang.jpg', contentType: 'image/jpeg', size: 4096, url: '/attachments/5d7f0c1e' }] }],
        };
        return { addReportDetail: { report: { id: 'rep-9', status: 'SUBMITTED', version: 5 } } };
      },
    });
    const panel = await detailPanel();
    // The admin's latest request, not the earlier one.
    expect(panel.textContent).toContain('Sebutkan nomor tiang lampu yang padam.');
    expect(panel.textContent).not.toContain('Lokasi kurang jelas.');
    expect(screen.queryByRole('heading', { level: 2, name: 'Tindak lanjut Anda' })).toBeNull();

    const file = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], 'tiang.jpg', { type: 'image/jpeg' });
    await act(async () => fireEvent.change(within(panel).getByLabelText('Pilih berkas'), { target: { files: [file] } }));
    await within(panel).findByText('Terunggah');
    expect(fetchMock.mock.calls[0][0]).toBe('/attachments');

    change(within(panel).getByLabelText(/^Keterangan tambahan/), '  Tiang nomor 17 dan 18 di depan masjid RT 03.  ');
    const before = callsTo('ReportByTrackingId').length;
    await act(async () => fireEvent.click(within(panel).getByRole('button', { name: 'Kirim kelengkapan' })));
    expect(callsTo('AddReportDetail')).toHaveLength(1);
    expect(callsTo('AddReportDetail')[0].variables.input).toEqual({
      trackingId: 'LPR-7K3M-Q9TX-2B4D-V',
      detail: 'Tiang nomor 17 dan 18 di depan masjid RT 03.',
      attachmentIds: ['5d7f0c1e-2b3a-4c5d-8e9f-0a1b2c3d4e5f'],
    });
    expect(await screen.findByText(/kelengkapan Anda terkirim/)).toBeTruthy();
    await waitFor(() => expect(callsTo('ReportByTrackingId').length).toBeGreaterThan(before));
    expect(callsTo('ReportByTrackingId').at(-1)!.context.requestPolicy).toBe('network-only');

    // Reloaded: the form is gone, the status is back to waiting, the timeline and the detail show it.
    await waitFor(() => expect(screen.queryByRole('heading', { level: 2, name: 'Lengkapi laporan Anda' })).toBeNull());
    expect(screen.getByRole('heading', { level: 2, name: 'Status laporan' }).closest('section')!.textContent).toContain('menunggu verifikasi admin');
    const timeline = screen.getByRole('heading', { level: 2, name: 'Linimasa' }).closest('section')!;
    expect(within(timeline).getAllByRole('listitem').at(-1)!.querySelector('strong')!.textContent).toBe('Dilengkapi pelapor');
    const responses = screen.getByRole('heading', { level: 2, name: 'Tanggapan' }).closest('section')!;
    expect(within(responses).getByRole('heading', { level: 3, name: 'Kelengkapan yang Anda kirim' })).toBeTruthy();
    expect(responses.textContent).toContain('Tiang nomor 17 dan 18 di depan masjid RT 03.');
    expect(within(responses).getByRole('button', { name: 'Unduh: tiang.jpg' })).toBeTruthy();
  });

  test('a too-short detail is refused at the field before sending; a server refusal is shown at the field too', async () => {
    window.sessionStorage.setItem('pantau.trackingId', 'LPR-7K3M-Q9TX-2B4D-V');
    const { callsTo } = await renderApp('/lacak', {
      ...registryHandlers,
      ReportByTrackingId: () => ({ reportByTrackingId: HELD }),
      AddReportDetail: () =>
        gqlError('BAD_USER_INPUT', 'server text', null, {
          reason: 'TOO_SHORT',
          field: 'detail',
          min: 10,
          max: 5000,
          fields: [{ field: 'detail', reason: 'TOO_SHORT', min: 10, max: 5000 }],
        }),
    });
    const panel = await detailPanel();
    const field = within(panel).getByLabelText(/^Keterangan tambahan/);
    change(field, 'Tiang 17');
    await act(async () => fireEvent.click(within(panel).getByRole('button', { name: 'Kirim kelengkapan' })));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.closest('.form-field')!.textContent).toContain('Keterangan tambahan harus 10–5.000 karakter.');
    expect(document.activeElement).toBe(field);
    expect(callsTo('AddReportDetail')).toHaveLength(0);

    // The server still decides: its refusal lands on the same field, and the form stays.
    change(field, 'Tiang nomor 17 di depan masjid.');
    await act(async () => fireEvent.click(within(panel).getByRole('button', { name: 'Kirim kelengkapan' })));
    expect(callsTo('AddReportDetail')).toHaveLength(1);
    expect(callsTo('AddReportDetail')[0].variables.input.attachmentIds).toEqual([]);
    // Translated by reason with the catalogue (the limits in the language's number format), focus back on the field.
    await waitFor(() => expect(field.closest('.form-field')!.textContent).toContain('Keterangan tambahan harus 10–5.000 karakter.'));
    expect(document.activeElement).toBe(field);
    expect((field as HTMLTextAreaElement).value).toBe('Tiang nomor 17 di depan masjid.');
    expect(screen.getByRole('heading', { level: 2, name: 'Lengkapi laporan Anda' })).toBeTruthy();
  });
});
