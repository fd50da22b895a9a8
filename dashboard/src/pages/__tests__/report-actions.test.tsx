import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp, testSession } from '../../test/renderApp';
import { ACTIONS_SUBMITTED, AGENCIES, analyticsHandlers, jsonResponse, REPORT, registryHandlers } from '../../test/fixtures';
import { gqlError } from '../../test/urqlTestClient';
import type { ReportActionsReport } from '../../graphql/operations';

let fetchMock: jest.Mock;
beforeEach(() => {
  window.localStorage.clear();
  fetchMock = jest.fn();
  (globalThis as any).fetch = fetchMock;
});
afterEach(() => {
  delete (globalThis as any).fetch;
});

const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const payload = (name: string, version: number) => ({ [name]: { report: { id: 'rep-1', status: 'DISPOSITIONED', version } } });

function reportHandlers(actions: () => typeof ACTIONS_SUBMITTED, status = 'SUBMITTED') {
  return {
    ...registryHandlers,
    ...analyticsHandlers,
    ReportDetail: () => ({ report: { ...REPORT, status, agency: actions().agency } }),
    ReportActions: () => ({ report: actions() }),
    ReportTimeline: () => ({ report: { id: 'rep-1', timeline: [] } }),
    ReportResponses: () => ({ report: { id: 'rep-1', responses: [], details: [], attachments: [] } }),
    ReportReporter: () => ({ report: { id: 'rep-1', reporter: null } }),
  };
}

const actionsPanel = async () => (await screen.findByRole('heading', { level: 2, name: 'Tindakan' })).closest('section') as HTMLElement;

describe('staff actions on the report page', () => {
  test('an admin sees only the allowed actions; disposition defaults to the suggestion and sends expectedVersion; every panel reloads', async () => {
    let actions = { ...ACTIONS_SUBMITTED };
    const { callsTo } = await renderApp(
      '/reports/rep-1',
      {
        ...reportHandlers(() => actions),
        DispositionReport: () => {
          actions = { ...actions, version: 4, status: 'DISPOSITIONED', availableActions: ['FORWARD', 'CLASSIFY'], agency: { id: 'kukar-pupr', name: 'DPUPR' } };
          return payload('dispositionReport', 4);
        },
      },
      { session: testSession() },
    );
    const panel = await actionsPanel();
    const group = await within(panel).findByRole('group', { name: 'Tindakan yang tersedia' });
    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual(['Verifikasi dan disposisi', 'Tunda', 'Arsipkan']);

    fireEvent.click(within(group).getByRole('button', { name: 'Verifikasi dan disposisi' }));
    expect(within(group).getByRole('button', { name: 'Verifikasi dan disposisi' }).getAttribute('aria-expanded')).toBe('true');
    const form = within(panel).getByRole('form', { name: 'Verifikasi dan disposisi' });
    expect(form.textContent).toContain('Saran registri: ' + AGENCIES[0].name);
    expect(form.textContent).toContain('kewenangan DPUPR');
    expect(await within(form).findByTestId('agency-chip')).toBeTruthy();
    await waitFor(() => expect(within(form).getByTestId('agency-chip').textContent).toContain(AGENCIES[0].name));
    // The reporter's confidentiality is locked on.
    const conf = within(form).getByRole('checkbox', { name: /Rahasia/ }) as HTMLInputElement;
    expect(conf.checked && conf.disabled).toBe(true);
    change(within(form).getByLabelText('Klasifikasi'), 'PENGADUAN');
    change(within(form).getByLabelText('Maladministrasi'), 'PENUNDAAN_BERLARUT');
    fireEvent.click(within(form).getByRole('checkbox', { name: /Perlu pemeriksaan/ }));
    const before = { detail: callsTo('ReportDetail').length, timeline: callsTo('ReportTimeline').length };
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Disposisikan' })));

    expect(callsTo('DispositionReport')[0].variables.input).toEqual({
      reportId: 'rep-1',
      expectedVersion: 3,
      agencyId: 'kukar-pupr',
      classification: 'PENGADUAN',
      maladministrationType: 'PENUNDAAN_BERLARUT',
      examination: true,
      note: null,
    });
    expect(await within(panel).findByText('Laporan sudah didisposisikan.')).toBeTruthy();
    await waitFor(() => expect(callsTo('ReportDetail').length).toBeGreaterThan(before.detail));
    expect(callsTo('ReportTimeline').length).toBeGreaterThan(before.timeline);
    expect(callsTo('ReportDetail').at(-1)!.context.requestPolicy).toBe('network-only');
    // The new actions follow the new status.
    await waitFor(() => expect(within(panel).getAllByRole('button').map((b) => b.textContent)).toEqual(['Teruskan', 'Klasifikasi maladministrasi']));
  });

  test('a concurrent change is a CONFLICT: the user is told, the report reloads, the retry sends the new version', async () => {
    let version = 3;
    const { callsTo } = await renderApp(
      '/reports/rep-1',
      {
        ...reportHandlers(() => ({ ...ACTIONS_SUBMITTED, version })),
        HoldReport: ({ input }) => {
          if (input.expectedVersion !== version) {
            return gqlError('CONFLICT', 'The report was changed by someone else in the meantime (now version 5).', null, { reason: 'STALE_VERSION', currentVersion: version });
          }
          return payload('holdReport', version + 1);
        },
      },
      { session: testSession() },
    );
    const panel = await actionsPanel();
    fireEvent.click(await within(panel).findByRole('button', { name: 'Tunda' }));
    const note = within(panel).getByLabelText(/^Apa yang perlu dilengkapi pelapor/);
    expect(document.activeElement).toBe(note);
    change(note, 'Mohon lampirkan foto lokasi.');
    version = 5; // someone else acts meanwhile
    const before = callsTo('ReportActions').length;
    await act(async () => fireEvent.click(within(panel).getByRole('button', { name: 'Tunda laporan' })));
    const alert = await within(panel).findByRole('alert');
    expect(alert.textContent).toContain('Laporan ini baru saja diubah oleh orang lain.');
    await waitFor(() => expect(callsTo('ReportActions').length).toBeGreaterThan(before));
    // The typed note is kept; sending again uses the reloaded version.
    await waitFor(() => expect((within(panel).getByLabelText(/^Apa yang perlu dilengkapi pelapor/) as HTMLTextAreaElement).value).toBe('Mohon lampirkan foto lokasi.'));
    await act(async () => fireEvent.click(within(panel).getByRole('button', { name: 'Tunda laporan' })));
    expect(callsTo('HoldReport').map((c) => c.variables.input.expectedVersion)).toEqual([3, 5]);
    expect(await within(panel).findByText('Laporan ditunda; pelapor diminta melengkapi.')).toBeTruthy();
  });

  test('a liaison responds with evidence uploaded under its token, and forwards to an agency found by search', async () => {
    fetchMock.mockResolvedValue(jsonResponse(201, { id: '5e0f8a2c-1d3b-4c6e-8f90-a1b2c3d4e5f6', filename: 'bukti.pdf', contentType: 'application/pdf', size: 1000 }));
    const session = testSession({ role: 'LIAISON', agencyId: 'kukar-pupr' });
    const liaison: ReportActionsReport = { ...ACTIONS_SUBMITTED, status: 'DISPOSITIONED', availableActions: ['FORWARD', 'RESPOND'], agency: { id: 'kukar-pupr', name: 'DPUPR' } };
    const { callsTo } = await renderApp(
      '/reports/rep-1',
      {
        ...reportHandlers(() => liaison, 'DISPOSITIONED'),
        RespondToReport: () => payload('respondToReport', 4),
        ForwardReport: () => payload('forwardReport', 5),
      },
      { session },
    );
    const panel = await actionsPanel();
    fireEvent.click(await within(panel).findByRole('button', { name: 'Tanggapi' }));
    const body = within(panel).getByLabelText(/^Isi tanggapan/);
    change(body, 'Pendek');
    await act(async () => fireEvent.click(within(panel).getByRole('button', { name: 'Kirim tanggapan' })));
    expect(body.getAttribute('aria-invalid')).toBe('true');
    expect(callsTo('RespondToReport')).toHaveLength(0);
    change(body, 'Tim sudah menambal lubang pada 4 Maret; foto terlampir.');
    const file = new File(['%PDF-1.4'], 'bukti.pdf', { type: 'application/pdf' });
    await act(async () => fireEvent.change(within(panel).getByLabelText('Pilih berkas'), { target: { files: [file] } }));
    await within(panel).findByText('Terunggah');
    expect(fetchMock.mock.calls[0][1].headers.Authorization).toBe(`Bearer ${session.token}`);
    await act(async () => fireEvent.click(within(panel).getByRole('button', { name: 'Kirim tanggapan' })));
    expect(callsTo('RespondToReport')[0].variables.input).toEqual({
      reportId: 'rep-1',
      expectedVersion: 3,
      body: 'Tim sudah menambal lubang pada 4 Maret; foto terlampir.',
      attachmentIds: ['5e0f8a2c-1d3b-4c6e-8f90-a1b2c3d4e5f6'],
    });
    await within(panel).findByText('Tanggapan terkirim.');

    fireEvent.click(within(panel).getByRole('button', { name: 'Teruskan' }));
    const combo = within(panel).getByRole('combobox', { name: 'Teruskan ke instansi' });
    change(combo, 'kesehatan');
    await within(panel).findByRole('option', { name: /Dinas Kesehatan/ }, { timeout: 2000 });
    fireEvent.keyDown(combo, { key: 'ArrowDown' });
    fireEvent.keyDown(combo, { key: 'Enter' });
    await waitFor(() => expect(within(panel).getByTestId('agency-chip').textContent).toContain('Dinas Kesehatan'));
    change(within(panel).getByLabelText(/^Alasan penerusan/), 'Puskesmas di bawah Dinas Kesehatan, bukan DPUPR.');
    await act(async () => fireEvent.click(within(panel).getByRole('button', { name: 'Teruskan laporan' })));
    expect(callsTo('ForwardReport')[0].variables.input).toEqual({
      reportId: 'rep-1',
      expectedVersion: 3,
      toAgencyId: 'kukar-dinkes',
      reason: 'Puskesmas di bawah Dinas Kesehatan, bukan DPUPR.',
    });
  });

  test('a refused action is translated by its code and reason in the form (never the server’s text); leadership gets no actions at all', async () => {
    const { unmount } = await renderApp(
      '/reports/rep-1',
      {
        ...reportHandlers(() => ACTIONS_SUBMITTED),
        ArchiveReport: () =>
          gqlError('BAD_USER_INPUT', 'server text, never shown', null, {
            reason: 'TOO_LONG',
            field: 'reason',
            min: 5,
            max: 2000,
            fields: [{ field: 'reason', reason: 'TOO_LONG', min: 5, max: 2000 }],
          }),
      },
      { session: testSession() },
    );
    const panel = await actionsPanel();
    fireEvent.click(await within(panel).findByRole('button', { name: 'Arsipkan' }));
    const reason = within(panel).getByLabelText(/^Alasan pengarsipan/);
    change(reason, 'Laporan ganda dari pelapor yang sama.');
    await act(async () => fireEvent.click(within(panel).getByRole('button', { name: 'Arsipkan laporan' })));
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(reason.closest('.form-field')!.textContent).toContain('Alasan paling banyak 2.000 karakter.');
    expect(within(panel).getByRole('alert').textContent).toBe('Alasan paling banyak 2.000 karakter.');
    // Focus goes to the first invalid field.
    expect(document.activeElement).toBe(reason);
    // Cancel closes the form and returns focus to the button that opened it.
    fireEvent.click(within(panel).getByRole('button', { name: 'Batal' }));
    expect(within(panel).queryByRole('form')).toBeNull();
    expect(document.activeElement).toBe(within(panel).getByRole('button', { name: 'Arsipkan' }));
    unmount();

    await renderApp('/reports/rep-1', reportHandlers(() => ({ ...ACTIONS_SUBMITTED, availableActions: [] })), { session: testSession({ role: 'LEADERSHIP' }) });
    const none = await actionsPanel();
    await waitFor(() => expect(none.textContent).toContain('Tidak ada tindakan yang dapat Anda lakukan pada laporan ini sekarang.'));
    expect(within(none).queryByRole('button')).toBeNull();
  });
});
