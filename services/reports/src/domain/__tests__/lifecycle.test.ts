import { ERROR_MESSAGES, placeholders } from '@pantau/contract';
import { Classification, Maladministration, ReportEventType, ReportStatus, Role } from '@pantau/common';
import {
  type Action,
  type Actor,
  type ActionType,
  applyAction,
  availableActions,
  LifecycleError,
  type LifecycleState,
  submit,
} from '../lifecycle';
import { WorkingCalendar } from '../sla';

const cal = new WorkingCalendar({ nationalHolidays: false, collectiveLeave: [] });
const admin: Actor = { kind: 'STAFF', id: 'u-admin', role: Role.ADMIN, agencyId: 'kominfo' };
const ombudsman: Actor = { kind: 'STAFF', id: 'u-ombud', role: Role.OMBUDSMAN, agencyId: 'ori' };
const leader: Actor = { kind: 'STAFF', id: 'u-lead', role: Role.LEADERSHIP, agencyId: 'bupati' };
const liaisonPu: Actor = { kind: 'STAFF', id: 'u-pu', role: Role.LIAISON, agencyId: 'dpupr' };
const liaisonDinkes: Actor = { kind: 'STAFF', id: 'u-dinkes', role: Role.LIAISON, agencyId: 'dinkes' };
const reporter: Actor = { kind: 'REPORTER' };
const system: Actor = { kind: 'SYSTEM' };
const ALL_ACTORS = [admin, ombudsman, leader, liaisonPu, liaisonDinkes, reporter, system];

const t0 = new Date('2025-01-06T02:00:00Z'); // Monday 10:00 WITA
const at = (days: number) => new Date(t0.getTime() + days * 86_400_000);

function submitted(): LifecycleState {
  return submit({ classification: Classification.PENGADUAN, anonymous: false, confidential: false }, t0, cal).state;
}

function run(state: LifecycleState, steps: Array<[Action, Actor, number]>): LifecycleState {
  return steps.reduce((s, [action, actor, day]) => applyAction(s, action, actor, at(day), cal).state, state);
}

function expectRefused(fn: () => unknown, code: string) {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(LifecycleError);
    expect((err as LifecycleError).code).toBe(code);
    // the refusal names a message of the contract's catalogue, with every parameter it uses
    const e = err as LifecycleError;
    const key = `${e.code}.${e.reason}`;
    expect(Object.keys(ERROR_MESSAGES.en)).toContain(key);
    for (const p of placeholders(ERROR_MESSAGES.en[key])) expect(e.params).toHaveProperty(p);
    return;
  }
  throw new Error(`expected a ${code} refusal`);
}

const dispose: Action = { type: 'DISPOSITION', agencyId: 'dinkes' };

describe('lifecycle state machine', () => {
  it('submission sets the verification due date (3 working days) and nothing else', () => {
    const { state, event } = submit({ classification: Classification.ASPIRASI, anonymous: true, confidential: false }, t0, cal);
    expect(state.status).toBe(ReportStatus.SUBMITTED);
    expect(state.verificationDueAt.toISOString()).toBe('2025-01-09T15:59:59.999Z'); // Thu end of day WITA
    expect(state.responseDueAt).toBeNull();
    expect(event).toMatchObject({ type: ReportEventType.ReportSubmitted, actorRole: 'REPORTER', toStatus: 'SUBMITTED' });
  });

  it('walks the main path with a misrouting forward, reopen and rating', () => {
    let s = submitted();
    const d = applyAction(s, { ...dispose, examination: false, maladministrationType: Maladministration.PENUNDAAN_BERLARUT }, admin, at(1), cal);
    expect(d.event).toMatchObject({ type: 'ReportDispositioned', actorId: 'u-admin', actorRole: 'ADMIN', toAgencyId: 'dinkes' });
    s = d.state;
    expect(s.status).toBe('DISPOSITIONED');
    expect(s.dispositionedAt).toEqual(at(1));
    expect(s.responseDueAt!.toISOString()).toBe('2025-01-14T15:59:59.999Z'); // Tue + 5 wd = next Tue
    expect(s.completionDueAt!.toISOString()).toBe('2025-01-27T15:59:59.999Z'); // Tue + 14 wd
    expect(s.maladministrationType).toBe('PENUNDAAN_BERLARUT');

    // dinkes says: not our duty → forwards to public works (a hop)
    const f = applyAction(s, { type: 'FORWARD', toAgencyId: 'dpupr', reason: 'Jalan kabupaten, wewenang DPUPR' }, liaisonDinkes, at(2), cal);
    expect(f.event).toMatchObject({ type: 'ReportForwarded', fromAgencyId: 'dinkes', toAgencyId: 'dpupr' });
    s = f.state;
    expect(s.forwardCount).toBe(1);
    expect(s.agencyId).toBe('dpupr');
    expect(s.dispositionedAt).toEqual(at(1)); // first disposition is kept
    // the old agency can no longer act
    expectRefused(() => applyAction(s, { type: 'RESPOND', body: 'Kami akan menindaklanjuti', attachmentCount: 0 }, liaisonDinkes, at(2), cal), 'FORBIDDEN');

    s = run(s, [
      [{ type: 'RESPOND', body: 'Tim sudah meninjau lokasi jalan.', attachmentCount: 2 }, liaisonPu, 3],
      [{ type: 'RESPOND', body: 'Perbaikan dijadwalkan minggu depan.', attachmentCount: 0 }, liaisonPu, 4],
    ]);
    expect(s.status).toBe('IN_PROGRESS');
    expect(s.firstResponseAt).toEqual(at(3));
    expect(s.responseCount).toBe(2);
    expect(s.evidenceResponseCount).toBe(1);

    s = run(s, [[{ type: 'COMPLETE', note: 'Jalan sudah diperbaiki' }, liaisonPu, 10]]);
    expect(s.status).toBe('COMPLETED');
    expect(s.completedAt).toEqual(at(10));

    s = run(s, [[{ type: 'RATE', rating: 2 }, reporter, 11]]);
    expect(s.rating).toBe(2);
    expectRefused(() => applyAction(s, { type: 'RATE', rating: 5 }, reporter, at(11), cal), 'INVALID_TRANSITION');

    const r = applyAction(s, { type: 'REOPEN', reason: 'Jalan rusak lagi setelah hujan' }, reporter, at(20), cal);
    expect(r.event).toMatchObject({ type: 'ReportReopened', actorRole: 'REPORTER', fromStatus: 'COMPLETED', toStatus: 'IN_PROGRESS' });
    s = r.state;
    expect(s.completedAt).toBeNull();
    expect(s.rating).toBeNull();
    expect(s.reopenCount).toBe(1);
    expect(s.completionDueAt!.getTime()).toBeGreaterThan(at(20).getTime());

    s = run(s, [
      [{ type: 'COMPLETE' }, liaisonPu, 25],
      [{ type: 'RATE', rating: 5, comment: 'Terima kasih' }, reporter, 26],
    ]);
    expect(s.rating).toBe(5);
    expect(s.firstResponseAt).toEqual(at(3));
  });

  it('allows reopen only within 14 days of completion', () => {
    const done = run(submitted(), [
      [dispose, admin, 0],
      [{ type: 'RESPOND', body: 'Sudah kami tindak lanjuti.', attachmentCount: 0 }, liaisonDinkes, 1],
      [{ type: 'COMPLETE' }, liaisonDinkes, 2],
    ]);
    expect(applyAction(done, { type: 'REOPEN', reason: 'Belum selesai' }, reporter, at(16), cal).state.status).toBe('IN_PROGRESS');
    expectRefused(() => applyAction(done, { type: 'REOPEN', reason: 'Belum selesai' }, reporter, new Date(at(16).getTime() + 1), cal), 'INVALID_TRANSITION');
  });

  it('hold → disposition, and hold → archive with a reason', () => {
    const held = run(submitted(), [[{ type: 'HOLD', note: 'Mohon lampirkan foto lokasi' }, admin, 1]]);
    expect(held.status).toBe('ON_HOLD');
    expect(run(held, [[dispose, admin, 2]]).status).toBe('DISPOSITIONED');
    const archived = run(held, [[{ type: 'ARCHIVE', reason: 'Tidak ada tanggapan pelapor' }, admin, 5]]);
    expect(archived.status).toBe('ARCHIVED');
    expect(archived.archivedAt).toEqual(at(5));
    expectRefused(() => applyAction(submitted(), { type: 'ARCHIVE', reason: '' }, admin, at(1), cal), 'BAD_USER_INPUT');
    for (const actor of ALL_ACTORS) expect(availableActions(archived, actor, at(6))).toEqual([]);
  });

  it('the reporter answers a hold with more detail: back to SUBMITTED, the verification clock keeps running', () => {
    const s0 = submitted();
    const held = run(s0, [[{ type: 'HOLD', note: 'Mohon lampirkan foto lokasi' }, admin, 1]]);
    const d = applyAction(held, { type: 'ADD_DETAIL', detail: '  Lokasi di depan SDN 012 Sebemban, foto terlampir.  ', attachmentCount: 2 }, reporter, at(2), cal);
    expect(d.state.status).toBe('SUBMITTED');
    expect(d.event).toMatchObject({
      type: ReportEventType.ReportDetailAdded,
      actorRole: 'REPORTER',
      actorId: null,
      fromStatus: 'ON_HOLD',
      toStatus: 'SUBMITTED',
      note: 'Lokasi di depan SDN 012 Sebemban, foto terlampir.',
    });
    // nothing else changes: the due date still counts from the original submission, no disposition yet
    expect({ ...d.state, status: held.status }).toEqual(held);
    expect(d.state.verificationDueAt).toEqual(s0.verificationDueAt);
    expect(d.state.dispositionedAt).toBeNull();
    // the admin can now disposition (or hold again), the reporter has nothing more to do
    expect(availableActions(d.state, admin, at(2))).toEqual(['DISPOSITION', 'HOLD', 'ARCHIVE']);
    expect(availableActions(d.state, reporter, at(2))).toEqual([]);
    expect(run(d.state, [[dispose, admin, 3]]).status).toBe('DISPOSITIONED');
  });

  it('allows adding detail only to the reporter, only while ON_HOLD, with a real text and at most 10 files', () => {
    const add = (detail = 'Tambahan keterangan lokasi kejadian.', attachmentCount = 0): Action => ({ type: 'ADD_DETAIL', detail, attachmentCount });
    const held = run(submitted(), [[{ type: 'HOLD', note: 'Mohon detail lokasi' }, admin, 0]]);
    for (const actor of [admin, ombudsman, leader, liaisonPu, system]) expectRefused(() => applyAction(held, add(), actor, at(1), cal), 'FORBIDDEN');
    expectRefused(() => applyAction(submitted(), add(), reporter, at(1), cal), 'INVALID_TRANSITION');
    const dispositioned = run(submitted(), [[dispose, admin, 0]]);
    expectRefused(() => applyAction(dispositioned, add(), reporter, at(1), cal), 'INVALID_TRANSITION');
    const archived = run(held, [[{ type: 'ARCHIVE', reason: 'Tidak ada tanggapan pelapor' }, admin, 1]]);
    expectRefused(() => applyAction(archived, add(), reporter, at(2), cal), 'INVALID_TRANSITION');
    // answering once puts it back to SUBMITTED: a second answer needs a new hold
    const answered = run(held, [[add(), reporter, 1]]);
    expectRefused(() => applyAction(answered, add(), reporter, at(2), cal), 'INVALID_TRANSITION');
    expect(run(answered, [[{ type: 'HOLD', note: 'Foto masih kurang jelas' }, admin, 2], [add(), reporter, 3]]).status).toBe('SUBMITTED');
    expectRefused(() => applyAction(held, add('pendek'), reporter, at(1), cal), 'BAD_USER_INPUT');
    expectRefused(() => applyAction(held, add('          '), reporter, at(1), cal), 'BAD_USER_INPUT');
    expectRefused(() => applyAction(held, add('x'.repeat(5001)), reporter, at(1), cal), 'BAD_USER_INPUT');
    expectRefused(() => applyAction(held, add(undefined, 11), reporter, at(1), cal), 'BAD_USER_INPUT');
    expectRefused(() => applyAction(held, add(undefined, -1), reporter, at(1), cal), 'BAD_USER_INPUT');
    expect(applyAction(held, add(undefined, 10), reporter, at(1), cal).state.status).toBe('SUBMITTED');
  });

  it('examination complaints get 60 working days for completion', () => {
    const s = run(submitted(), [[{ ...dispose, examination: true }, admin, 0]]);
    expect(s.examination).toBe(true);
    expect(cal.workingDaysBetween(t0, s.completionDueAt!)).toBe(60);
  });

  it('classification happens at or after verification, by admin or ombudsman only', () => {
    expectRefused(
      () => applyAction(submitted(), { type: 'CLASSIFY', maladministrationType: Maladministration.BERPIHAK }, admin, at(1), cal),
      'INVALID_TRANSITION',
    );
    const s = run(submitted(), [[dispose, admin, 0]]);
    const c = applyAction(s, { type: 'CLASSIFY', maladministrationType: Maladministration.PERMINTAAN_IMBALAN }, ombudsman, at(1), cal);
    expect(c.state.maladministrationType).toBe('PERMINTAAN_IMBALAN');
    expect(c.state.status).toBe('DISPOSITIONED');
    expect(c.event).toMatchObject({ type: 'ReportClassified', fromStatus: 'DISPOSITIONED', toStatus: 'DISPOSITIONED' });
    expect(applyAction(c.state, { type: 'CLASSIFY', maladministrationType: null }, admin, at(2), cal).state.maladministrationType).toBeNull();
    for (const actor of [leader, liaisonDinkes, reporter, system]) {
      expectRefused(() => applyAction(s, { type: 'CLASSIFY', maladministrationType: Maladministration.BERPIHAK }, actor, at(1), cal), 'FORBIDDEN');
    }
  });

  it('never lets a disposition remove the anonymity or confidentiality the reporter asked for', () => {
    const s = submit({ classification: Classification.PENGADUAN, anonymous: true, confidential: true }, t0, cal).state;
    expectRefused(() => applyAction(s, { ...dispose, anonymous: false }, admin, at(1), cal), 'BAD_USER_INPUT');
    expectRefused(() => applyAction(s, { ...dispose, confidential: false }, admin, at(1), cal), 'BAD_USER_INPUT');
    const raised = applyAction(submitted(), { ...dispose, confidential: true }, admin, at(1), cal).state;
    expect(raised.confidential).toBe(true);
  });

  it('refuses forwarding to the same agency, empty responses and bad ratings', () => {
    const s = run(submitted(), [[dispose, admin, 0]]);
    expectRefused(() => applyAction(s, { type: 'FORWARD', toAgencyId: 'dinkes', reason: 'salah alamat' }, liaisonDinkes, at(1), cal), 'BAD_USER_INPUT');
    expectRefused(() => applyAction(s, { type: 'FORWARD', toAgencyId: 'dpupr', reason: '' }, liaisonDinkes, at(1), cal), 'BAD_USER_INPUT');
    expectRefused(() => applyAction(s, { type: 'RESPOND', body: 'ok', attachmentCount: 0 }, liaisonDinkes, at(1), cal), 'BAD_USER_INPUT');
    const done = run(s, [
      [{ type: 'RESPOND', body: 'Sudah kami tindak lanjuti.', attachmentCount: 0 }, liaisonDinkes, 1],
      [{ type: 'COMPLETE' }, liaisonDinkes, 2],
    ]);
    for (const rating of [0, 6, 2.5, NaN]) {
      expectRefused(() => applyAction(done, { type: 'RATE', rating }, reporter, at(3), cal), 'BAD_USER_INPUT');
    }
  });

  it('refuses actions predating the submission', () => {
    expectRefused(() => applyAction(submitted(), dispose, admin, at(-1), cal), 'BAD_USER_INPUT');
  });

  it('gives each role exactly its actions in each status (the role matrix)', () => {
    const states: Record<string, LifecycleState> = {
      SUBMITTED: submitted(),
      ON_HOLD: run(submitted(), [[{ type: 'HOLD', note: 'Mohon detail lokasi' }, admin, 0]]),
      DISPOSITIONED: run(submitted(), [[dispose, admin, 0]]),
      IN_PROGRESS: run(submitted(), [
        [dispose, admin, 0],
        [{ type: 'RESPOND', body: 'Sedang kami proses.', attachmentCount: 0 }, liaisonDinkes, 1],
      ]),
    };
    states.COMPLETED = run(states.IN_PROGRESS, [[{ type: 'COMPLETE' }, liaisonDinkes, 2]]);
    const expected: Record<string, Record<string, ActionType[]>> = {
      SUBMITTED: { admin: ['DISPOSITION', 'HOLD', 'ARCHIVE'] },
      ON_HOLD: { admin: ['DISPOSITION', 'ARCHIVE'], reporter: ['ADD_DETAIL'] },
      DISPOSITIONED: { admin: ['FORWARD', 'CLASSIFY'], ombudsman: ['CLASSIFY'], liaisonDinkes: ['FORWARD', 'RESPOND'] },
      IN_PROGRESS: {
        admin: ['FORWARD', 'CLASSIFY'],
        ombudsman: ['CLASSIFY'],
        liaisonDinkes: ['FORWARD', 'RESPOND', 'COMPLETE'],
      },
      COMPLETED: { admin: ['CLASSIFY'], ombudsman: ['CLASSIFY'], reporter: ['RATE', 'REOPEN'] },
    };
    const names: Record<string, Actor> = { admin, ombudsman, leader, liaisonPu, liaisonDinkes, reporter, system };
    for (const [status, state] of Object.entries(states)) {
      expect(state.status).toBe(status);
      for (const [name, actor] of Object.entries(names)) {
        expect([status, name, availableActions(state, actor, at(3))]).toEqual([status, name, expected[status][name] ?? []]);
      }
    }
  });
});
