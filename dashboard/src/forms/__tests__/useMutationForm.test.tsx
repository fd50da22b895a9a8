import { act, fireEvent, render, screen } from '@testing-library/react';
import { useRef, useState, type ReactNode } from 'react';
import { CombinedError } from 'urql';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { I18nProvider } from '../../i18n/I18n';
import { useMutationForm, type MutationFormOptions, type MutationOutcome } from '../useMutationForm';

type Values = { title: string; note: string };

/** A small form on the hook, as the app's forms use it: two fields, an error summary, a success heading. */
function TestForm(props: Partial<MutationFormOptions<Values, string>> & { mutate: MutationFormOptions<Values, string>['mutate'] }) {
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const successRef = useRef<HTMLHeadingElement>(null);
  const form = useMutationForm<Values, string>({
    validate: (v) => (v.title.trim().length >= 5 ? {} : { title: 'Judul terlalu pendek.' }),
    onSuccess: (data) => setDone(data),
    fieldOrder: ['title', 'note'],
    fieldId: (f) => `f-${f}`,
    successFocus: successRef,
    ...props,
  });
  return (
    <>
      {done ? (
        <h2 tabIndex={-1} ref={successRef}>
          Terkirim: {done}
        </h2>
      ) : null}
      {form.errors.summary ? (
        <div role="alert" tabIndex={-1} ref={(el) => void (form.summaryRef.current = el)}>
          {form.errors.summary}
        </div>
      ) : null}
      <form onSubmit={form.onSubmit(() => ({ title, note }))} aria-busy={form.busy || undefined}>
        <label htmlFor="f-title">Judul</label>
        <input id="f-title" value={title} onChange={(e) => setTitle(e.target.value)} />
        {form.errors.fields.title ? <p data-testid="title-error">{form.errors.fields.title}</p> : null}
        <label htmlFor="f-note">Catatan</label>
        <input id="f-note" value={note} onChange={(e) => setNote(e.target.value)} />
        {form.errors.fields.note ? <p data-testid="note-error">{form.errors.fields.note}</p> : null}
        <button type="submit" disabled={form.busy}>
          {form.busy ? 'Mengirim…' : 'Kirim'}
        </button>
      </form>
    </>
  );
}

function renderForm(form: ReactNode, path = '/') {
  return render(
    <Router hook={memoryLocation({ path }).hook} searchHook={memoryLocation({ path }).searchHook}>
      <I18nProvider>{form}</I18nProvider>
    </Router>,
  );
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const submit = () => act(async () => fireEvent.click(screen.getByRole('button', { name: /Kirim|Mengirim/ })));

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const badInput = (extensions: Record<string, unknown>) =>
  new CombinedError({ graphQLErrors: [{ message: 'server text, never shown', extensions: { code: 'BAD_USER_INPUT', ...extensions } } as never] });

describe('useMutationForm', () => {
  test('the form’s own checks: nothing is sent, the message is at its field, focus on the first invalid field', async () => {
    const mutate = jest.fn();
    renderForm(<TestForm mutate={mutate} />);
    type('Judul', 'abc');
    await submit();
    expect(mutate).not.toHaveBeenCalled();
    expect(screen.getByTestId('title-error').textContent).toBe('Judul terlalu pendek.');
    expect(document.activeElement).toBe(screen.getByLabelText('Judul'));
  });

  test('busy while in flight and a second submit is ignored; success clears errors and focuses the success message', async () => {
    const answer = deferred<MutationOutcome<string>>();
    const mutate = jest.fn(() => answer.promise);
    renderForm(<TestForm mutate={mutate} />);
    type('Judul', 'Jalan berlubang');
    await submit();
    expect(screen.getByRole('button', { name: 'Mengirim…' })).toHaveProperty('disabled', true);
    // A second submit (Enter pressed again) while the first is in flight sends nothing.
    await act(async () => fireEvent.submit(screen.getByLabelText('Judul').closest('form')!));
    expect(mutate).toHaveBeenCalledTimes(1);
    expect(mutate).toHaveBeenCalledWith({ title: 'Jalan berlubang', note: '' });
    await act(async () => answer.resolve({ data: 'LPR-1' }));
    expect(screen.getByRole('button', { name: 'Kirim' })).toHaveProperty('disabled', false);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Terkirim: LPR-1' }));
  });

  test('a refusal is translated by code and reason into the UI language, each problem at its field, focus on the first', async () => {
    const mutate = jest.fn(async () => ({
      error: badInput({ reason: 'TOO_LONG', field: 'note', max: 2000, fields: [{ field: 'note', reason: 'TOO_LONG', max: 2000 }] }),
    }));
    renderForm(<TestForm mutate={mutate} />);
    type('Judul', 'Jalan berlubang');
    await submit();
    expect(screen.getByTestId('note-error').textContent).toBe('Catatan paling banyak 2.000 karakter.');
    expect(screen.getByRole('alert').textContent).toBe('Catatan paling banyak 2.000 karakter.');
    expect(document.activeElement).toBe(screen.getByLabelText('Catatan'));
  });

  test('in English the same refusal is English; a field without a reason gets the form’s own text', async () => {
    const mutate = jest.fn(async () => ({ error: badInput({ fields: [{ field: 'title' }] }) }));
    renderForm(<TestForm mutate={mutate} fieldHint={(f) => (f === 'title' ? 'Use a longer title.' : undefined)} />, '/?lang=en');
    type('Judul', 'Jalan berlubang');
    await submit();
    expect(screen.getByTestId('title-error').textContent).toBe('Use a longer title.');
    expect(screen.getByRole('alert').textContent).toBe('The request is not valid.');
  });

  test('focus "summary" moves focus to the error summary; a network failure says the server was not reached', async () => {
    const mutate = jest.fn(async () => ({ error: new CombinedError({ networkError: new Error('Failed to fetch') }) }));
    renderForm(<TestForm mutate={mutate} focus="summary" />);
    type('Judul', 'Jalan berlubang');
    await submit();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Gateway tidak dapat dihubungi');
    expect(alert.textContent).not.toContain('Failed to fetch');
    expect(document.activeElement).toBe(alert);
  });

  test('a failure the caller handles (onFailure → true) shows no errors; blocked forms do not submit', async () => {
    const conflict = new CombinedError({ graphQLErrors: [{ message: 'x', extensions: { code: 'CONFLICT', reason: 'STALE_VERSION', currentVersion: 4 } } as never] });
    const onFailure = jest.fn(() => true);
    const mutate = jest.fn(async () => ({ error: conflict }));
    const { unmount } = renderForm(<TestForm mutate={mutate} onFailure={onFailure} />);
    type('Judul', 'Jalan berlubang');
    await submit();
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).toBeNull();
    unmount();

    const blocked = jest.fn();
    renderForm(<TestForm mutate={blocked} blocked />);
    type('Judul', 'Jalan berlubang');
    await submit();
    expect(blocked).not.toHaveBeenCalled();
  });
});
