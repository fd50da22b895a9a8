import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/renderApp';
import { analyticsHandlers, registryHandlers } from '../../test/fixtures';

beforeEach(() => window.localStorage.clear());

const filters = () => screen.getByRole('region', { name: 'Filter' });

describe('filters bar', () => {
  test('period presets and a custom range go into the URL', async () => {
    const { currentUrl } = await renderApp('/', { ...registryHandlers, ...analyticsHandlers });
    const period = within(filters()).getByLabelText('Periode') as HTMLSelectElement;
    expect(period.value).toBe('365d');
    fireEvent.change(period, { target: { value: '30d' } });
    expect(currentUrl()).toBe('/?period=30d');
    fireEvent.change(period, { target: { value: 'custom' } });
    expect(currentUrl()).toMatch(/^\/\?period=custom&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    fireEvent.change(within(filters()).getByLabelText('Dari'), { target: { value: '2026-01-01' } });
    fireEvent.change(within(filters()).getByLabelText('Sampai'), { target: { value: '2026-01-31' } });
    expect(currentUrl()).toBe('/?period=custom&from=2026-01-01&to=2026-01-31');
    expect(within(filters()).getByText('Periode 1 Jan 2026 – 31 Jan 2026')).toBeTruthy();
  });

  test('region by hierarchy: province, then its regencies, then districts', async () => {
    const { currentUrl, callsTo } = await renderApp('/', { ...registryHandlers, ...analyticsHandlers });
    const province = (await within(filters()).findByLabelText('Provinsi')) as HTMLSelectElement;
    await within(province).findByRole('option', { name: 'Kalimantan Timur' });
    fireEvent.change(province, { target: { value: '64' } });
    expect(currentUrl()).toBe('/?region=64');
    const regency = (await within(filters()).findByLabelText('Kabupaten/kota')) as HTMLSelectElement;
    await within(regency).findByRole('option', { name: 'Kutai Kartanegara' });
    fireEvent.change(regency, { target: { value: '64.02' } });
    const district = (await within(filters()).findByLabelText('Kecamatan')) as HTMLSelectElement;
    await within(district).findByRole('option', { name: 'Muara Wis' });
    fireEvent.change(district, { target: { value: '64.02.18' } });
    expect(currentUrl()).toBe('/?region=64.02.18');
    expect(callsTo('RegionChildren').map((c) => c.variables.code)).toEqual(expect.arrayContaining(['64', '64.02', '64.02.18']));
    // "All" at the district level goes back up to the regency
    fireEvent.change(await within(filters()).findByLabelText('Kecamatan'), { target: { value: '' } });
    expect(currentUrl()).toBe('/?region=64.02');
  });

  test('a shared URL restores the whole region chain', async () => {
    await renderApp('/?region=64.02.18', { ...registryHandlers, ...analyticsHandlers });
    await waitFor(() => expect((within(filters()).getByLabelText('Kecamatan') as HTMLSelectElement).value).toBe('64.02.18'));
    expect((within(filters()).getByLabelText('Provinsi') as HTMLSelectElement).value).toBe('64');
    expect((within(filters()).getByLabelText('Kabupaten/kota') as HTMLSelectElement).value).toBe('64.02');
    expect(await within(filters()).findByLabelText('Desa/kelurahan')).toBeTruthy();
    expect(within(filters()).getByText(/Wilayah: Muara Wis/)).toBeTruthy();
  });

  test('agency search is a keyboard-operable combobox', async () => {
    {
      const { currentUrl, callsTo } = await renderApp('/', { ...registryHandlers, ...analyticsHandlers });
      const input = within(filters()).getByRole('combobox', { name: 'Instansi' });
      fireEvent.change(input, { target: { value: 'kesehatan' } });
      // the search is debounced (250 ms): the list appears once the query has answered
      const list = await screen.findByRole('listbox', { name: 'Instansi' });
      await within(list).findByRole('option', { name: /Dinas Kesehatan/ });
      expect(callsTo('AgencySearch').at(-1)!.variables).toMatchObject({ search: 'kesehatan', first: 10 });
      fireEvent.keyDown(input, { key: 'ArrowDown' });
      fireEvent.keyDown(input, { key: 'Enter' });
      expect(currentUrl()).toBe('/?agency=kukar-dinkes');
      expect((await screen.findByTestId('agency-chip')).textContent).toContain('Dinas Kesehatan Kabupaten Kutai Kartanegara');
      fireEvent.click(screen.getByRole('button', { name: 'Hapus filter instansi' }));
      expect(currentUrl()).toBe('/');
    }
  });

  test('reset clears every filter but keeps the language', async () => {
    const { currentUrl } = await renderApp('/?period=30d&topic=JALAN&lang=en', { ...registryHandlers, ...analyticsHandlers });
    fireEvent.click(await screen.findByRole('button', { name: 'Reset filters' }));
    expect(currentUrl()).toBe('/?lang=en');
  });

  test('navigation keeps the shared filters', async () => {
    await renderApp('/?period=30d&region=64.02&q=ignored', { ...registryHandlers, ...analyticsHandlers });
    const nav = screen.getByRole('navigation', { name: 'Navigasi utama' });
    expect(within(nav).getByRole('link', { name: 'Transparansi' }).getAttribute('href')).toBe('/transparency?period=30d&region=64.02');
    expect(within(nav).getByRole('link', { name: 'Ikhtisar' }).getAttribute('aria-current')).toBe('page');
  });
});
