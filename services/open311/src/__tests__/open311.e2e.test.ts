import { createTestStore, postGraphQL, storeKinds, type TestStore } from '@pantau/testing';
import { eventually, freePorts, http, startStack } from './stack';
import { checkAttribute, checkJsonErrors, checkRequest, checkService, checkXmlErrors, list, parseXml, REQUEST_FIELDS, text, UUID, W3C } from './support';

/**
 * Open311 GeoReport v2 end to end against the four real processes (started by the same launcher as `npm start`):
 * every method in JSON and XML, field by field against the spec's tables, the spec's error format, the privacy of
 * the public view, API keys (issue, use, revoke) and a FixMyStreet-style flow: list services, submit, follow the
 * request through the lifecycle, and see it in analyticsOverview.
 */
describe.each(storeKinds())('Open311 GeoReport v2 through the gateway on %s', (kind) => {
  let store: TestStore;
  let stack: Awaited<ReturnType<typeof startStack>>;
  let base: string;
  const tokens: Record<string, string> = {};
  let apiKey: string;
  let clientId: string;
  const gql = (query: string, variables?: Record<string, unknown>, as?: string) =>
    postGraphQL(stack.graphqlUrl, query, variables, as ? { authorization: `Bearer ${tokens[as]}` } : {});
  const ok = async (query: string, variables?: Record<string, unknown>, as?: string) => {
    const res = await gql(query, variables, as);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const get = (path: string, headers: Record<string, string> = {}) => http(`${base}${path}`, { headers });
  const post = (path: string, form: Record<string, string>) =>
    http(`${base}${path}`, { method: 'POST', body: new URLSearchParams(form) });
  const submission = (extra: Record<string, string> = {}) => ({
    api_key: apiKey,
    jurisdiction_id: '64.02',
    service_code: 'JALAN',
    lat: '-0.35871',
    long: '116.61794',
    address_string: 'Jl. Muara Wis–Melintang km 3, depan SDN 001',
    description: 'Jalan berlubang besar di depan sekolah, berbahaya bagi pengendara motor saat hujan.',
    first_name: 'Budi',
    last_name: 'Santoso',
    email: 'budi.santoso@example.com',
    phone: '081234567890',
    'attribute[road_id]': 'kukar-r006',
    'attribute[region_code]': '64.02.18.2001',
    ...extra,
  });

  beforeAll(async () => {
    store = createTestStore(kind);
    stack = await startStack({
      env: { ...store.env, PANTAU_DEMO: '1', PANTAU_DEMO_REPORTS: '0', LOG_LEVEL: 'warn', PANTAU_RATE_LIMIT_OPEN311_KEY: '40/600' },
      ports: await freePorts(),
      stdio: 'inherit',
    });
    base = stack.origin;
    for (const [who, email] of Object.entries({ admin: 'admin@kukarkab.go.id', pupr: 'sekretaris.pupr@kukarkab.go.id', leadership: 'pimpinan@kukarkab.go.id' })) {
      tokens[who] = (await ok('mutation($e: String!) { signIn(email: $e, password: "pantau-demo-2026") { token } }', { e: email })).signIn.token;
    }
    const issued = await ok('mutation { issueApiClient(name: "FixMyStreet Kukar", contact: "ops@example.org") { apiKey client { id name keyPrefix revokedAt } } }', {}, 'admin');
    apiKey = issued.issueApiClient.apiKey;
    clientId = issued.issueApiClient.client.id;
    expect(apiKey).toMatch(/^p311_[A-Za-z0-9_-]{43}$/);
    expect(apiKey.startsWith(issued.issueApiClient.client.keyPrefix)).toBe(true);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await store?.cleanup();
  });

  describe('API keys (agencies)', () => {
    it('only an admin issues and lists keys; the list never shows a key', async () => {
      const refused = await gql('mutation { issueApiClient(name: "x") { apiKey } }', {}, 'leadership');
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const anon = await gql('{ apiClients { id } }');
      expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const listed = await ok('{ apiClients { id name contact keyPrefix createdAt revokedAt } }', {}, 'admin');
      expect(listed.apiClients).toEqual([expect.objectContaining({ id: clientId, name: 'FixMyStreet Kukar', contact: 'ops@example.org', revokedAt: null })]);
      expect(JSON.stringify(listed)).not.toContain(apiKey);
    });

    it('the internal key lookup is not reachable through the gateway', async () => {
      const res = await get('/internal/api-clients/by-key-hash/' + '0'.repeat(64));
      expect(res.status).toBe(404);
    });
  });

  describe('discovery', () => {
    it('JSON and XML', async () => {
      const j = await get('/open311/discovery.json');
      expect(j.status).toBe(200);
      expect(j.headers.get('content-type')).toMatch(/^application\/json/);
      const d = await j.json();
      expect(Object.keys(d)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
      expect(d.changeset).toMatch(W3C);
      expect(d.endpoints).toEqual([
        { specification: 'http://wiki.open311.org/GeoReport_v2', url: `${base}/open311/v2`, changeset: d.changeset, type: 'production', formats: ['text/xml', 'application/json'] },
      ]);
      const x = await get('/open311/discovery.xml');
      expect(x.headers.get('content-type')).toMatch(/^text\/xml/);
      const doc = parseXml(await x.text());
      const ep = list(doc.discovery.endpoints, 'endpoint');
      expect(ep).toHaveLength(1);
      expect(text(ep[0].url)).toBe(`${base}/open311/v2`);
      expect(list(ep[0].formats, 'format')).toEqual(['text/xml', 'application/json']);
    });
  });

  describe('GET services', () => {
    it('JSON: every topic, field by field', async () => {
      const res = await get('/open311/v2/services.json?jurisdiction_id=64.02');
      expect(res.status).toBe(200);
      const services = await res.json();
      expect(services.length).toBe(15);
      services.forEach(checkService);
      const jalan = services.find((s: any) => s.service_code === 'JALAN');
      expect(jalan).toMatchObject({ service_name: 'Jalan dan jembatan', metadata: true, type: 'realtime', group: 'Infrastruktur' });
      expect(jalan.keywords.split(',')).toEqual(expect.arrayContaining(['jalan', 'jembatan', 'roads', 'bridges']));
      expect(services.find((s: any) => s.service_code === 'KESEHATAN').metadata).toBe(false);
    });

    it('XML: the same services in the spec shape', async () => {
      const json = await (await get('/open311/v2/services.json')).json();
      const res = await get('/open311/v2/services.xml');
      expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
      const doc = parseXml(await res.text());
      expect(Object.keys(doc)).toEqual(['services']);
      const items = list(doc.services, 'service');
      expect(items).toHaveLength(json.length);
      items.forEach((s: any, i: number) => {
        expect(Object.keys(s)).toEqual(Object.keys(json[i]));
        for (const k of Object.keys(s)) expect(text(s[k])).toBe(String(json[i][k]));
      });
    });

    it('an unknown jurisdiction_id is a 404 in the spec error format', async () => {
      const j = await get('/open311/v2/services.json?jurisdiction_id=99.99');
      expect(j.status).toBe(404);
      checkJsonErrors(404, await j.json());
      const x = await get('/open311/v2/services.xml?jurisdiction_id=99.99');
      expect(x.status).toBe(404);
      checkXmlErrors(404, await x.text());
    });
  });

  describe('GET services/{service_code}', () => {
    it('JSON: attributes with datatypes and values (roads of the jurisdiction for a road topic)', async () => {
      const res = await get('/open311/v2/services/JALAN.json?jurisdiction_id=64.02');
      expect(res.status).toBe(200);
      const def = await res.json();
      expect(Object.keys(def)).toEqual(['service_code', 'attributes']);
      expect(def.service_code).toBe('JALAN');
      def.attributes.forEach(checkAttribute);
      expect(def.attributes.map((a: any) => a.code)).toEqual(['road_id', 'classification', 'anonymous', 'confidential', 'region_code', 'title']);
      const road = def.attributes[0];
      expect(road.datatype).toBe('singlevaluelist');
      expect(road.values).toEqual(expect.arrayContaining([{ key: 'kukar-r006', name: 'Jalan Muara Wis–Melintang (KABUPATEN)' }]));
      expect(def.attributes[1].values.map((v: any) => v.key)).toEqual(['PENGADUAN', 'ASPIRASI', 'PERMINTAAN_INFORMASI']);
      const plain = await (await get('/open311/v2/services/KESEHATAN.json')).json();
      expect(plain.attributes.map((a: any) => a.code)).not.toContain('road_id');
    });

    it('XML: service_definition > attributes > attribute > values > value', async () => {
      const json = await (await get('/open311/v2/services/JALAN.json')).json();
      const doc = parseXml(await (await get('/open311/v2/services/JALAN.xml')).text());
      expect(Object.keys(doc)).toEqual(['service_definition']);
      expect(text(doc.service_definition.service_code)).toBe('JALAN');
      const attrs = list(doc.service_definition.attributes, 'attribute');
      expect(attrs).toHaveLength(json.attributes.length);
      attrs.forEach((a: any, i: number) => {
        const j = json.attributes[i];
        expect(Object.keys(a)).toEqual(Object.keys(j));
        expect(text(a.code)).toBe(j.code);
        expect(text(a.order)).toBe(String(j.order));
        expect(text(a.required)).toBe(String(j.required));
        if (j.values) expect(list(a.values, 'value').map((v: any) => text(v.key))).toEqual(j.values.map((v: any) => v.key));
      });
    });

    it('an unknown service_code is a 404', async () => {
      const res = await get('/open311/v2/services/NOPE.json');
      expect(res.status).toBe(404);
      checkJsonErrors(404, await res.json());
      const x = await get('/open311/v2/services/NOPE.xml');
      checkXmlErrors(404, await x.text());
    });
  });

  describe('POST requests: keys and validation', () => {
    it('refuses a missing, malformed or unknown api_key with 403', async () => {
      for (const key of [undefined, 'nope', `p311_${'A'.repeat(43)}`]) {
        const form = submission();
        if (key === undefined) delete (form as Record<string, string>).api_key;
        else form.api_key = key;
        const res = await post('/open311/v2/requests.json', form);
        expect(res.status).toBe(403);
        checkJsonErrors(403, await res.json());
      }
      const x = await post('/open311/v2/requests.xml', { ...submission(), api_key: 'nope' });
      expect(x.status).toBe(403);
      checkXmlErrors(403, await x.text());
    });

    it.each([
      ['no service_code', 400, { service_code: '' }],
      ['an unknown service_code', 400, { service_code: 'NOPE' }],
      ['no location', 400, { lat: '', long: '', address_string: '' }],
      ['lat without long', 400, { long: '' }],
      ['lat out of range', 400, { lat: '123' }],
      ['a region outside the jurisdiction', 400, { 'attribute[region_code]': '64.01.01' }],
      ['a bad anonymous value', 400, { 'attribute[anonymous]': 'maybe' }],
      ['a road on a topic without roads', 400, { service_code: 'KESEHATAN' }],
      ['a media_url that is not http(s)', 400, { media_url: 'file:///etc/passwd' }],
      ['an unknown jurisdiction', 404, { jurisdiction_id: '99.99' }],
      ['a description too short', 400, { description: 'Rusak.' }],
      ['a description too long for the intake rules', 400, { description: 'Jalan rusak parah. '.repeat(300) }],
      ['a phone that is not Indonesian', 400, { phone: '12345' }],
    ])('%s → %i in the spec format, nothing stored', async (_name, status, extra) => {
      const before = (await ok('{ reports(first: 1) { totalCount } }', {}, 'admin')).reports.totalCount;
      const res = await post('/open311/v2/requests.json', submission(extra as Record<string, string>));
      expect(res.status).toBe(status);
      checkJsonErrors(status, await res.json());
      expect((await ok('{ reports(first: 1) { totalCount } }', {}, 'admin')).reports.totalCount).toBe(before);
    });

    it('refuses a body that is not form-encoded', async () => {
      const res = await http(`${base}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(submission()) });
      expect(res.status).toBe(400);
      checkJsonErrors(400, await res.json());
    });

    it('answers 405 for a method the path does not take, 404 for an unknown path', async () => {
      const r = await http(`${base}/open311/v2/services.json`, { method: 'POST', body: new URLSearchParams({}) });
      expect(r.status).toBe(405);
      checkJsonErrors(405, await r.json());
      const n = await get('/open311/v2/whatever.xml');
      expect(n.status).toBe(404);
      checkXmlErrors(404, await n.text());
    });
  });

  describe('FixMyStreet-style flow', () => {
    let id: string;
    let token: string;

    it('lists services, submits (JSON) and gets the id and a token', async () => {
      const services = await (await get('/open311/v2/services.json')).json();
      expect(services.map((s: any) => s.service_code)).toContain('JALAN');
      const res = await post('/open311/v2/requests.json', submission());
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toHaveLength(1);
      expect(Object.keys(body[0])).toEqual(['service_request_id', 'token', 'service_notice', 'account_id']);
      expect(body[0].service_request_id).toMatch(UUID);
      expect(body[0].token).toMatch(/^LPR-/);
      expect(body[0].service_notice).toContain(body[0].token);
      id = body[0].service_request_id;
      token = body[0].token;
      // the report is real: the staff view has the reporter, the region and the road
      const staff = await ok('query($id: ID!) { report(id: $id) { regionCode roadId topic status reporter { name email phone } body } }', { id }, 'admin');
      expect((await ok('query($t: String!) { reportByTrackingId(trackingId: $t) { id } }', { t: token })).reportByTrackingId.id).toBe(id);
      expect(staff.report).toMatchObject({ regionCode: '64.02.18.2001', roadId: 'kukar-r006', topic: 'JALAN', status: 'SUBMITTED' });
      expect(staff.report.reporter).toEqual({ name: 'Budi Santoso', email: 'budi.santoso@example.com', phone: '+6281234567890' });
      expect(staff.report.body).toContain('Koordinat: -0.35871, 116.61794');
    });

    it('GET tokens/{token} gives the service_request_id (JSON and XML)', async () => {
      const j = await get(`/open311/v2/tokens/${token}.json`);
      expect(j.status).toBe(200);
      expect(await j.json()).toEqual([{ service_request_id: id, token }]);
      const x = parseXml(await (await get(`/open311/v2/tokens/${token}.xml`)).text());
      const req = list(x.service_requests, 'request');
      expect(req).toEqual([{ service_request_id: id, token }]);
      const missing = await get('/open311/v2/tokens/LPR-0000-0000-0000-0.json');
      expect(missing.status).toBe(404);
      checkJsonErrors(404, await missing.json());
    });

    it('GET requests/{id}: the public view, field by field (JSON and XML)', async () => {
      const res = await get(`/open311/v2/requests/${id}.json`);
      expect(res.status).toBe(200);
      const [r] = await res.json();
      checkRequest(r);
      expect(r).toMatchObject({
        service_request_id: id,
        status: 'open',
        status_notes: null,
        service_name: 'Jalan dan jembatan',
        service_code: 'JALAN',
        description: 'Jalan berlubang besar di depan sekolah, berbahaya bagi pengendara motor saat hujan.',
        agency_responsible: null,
        address: 'Jl. Muara Wis–Melintang km 3, depan SDN 001',
        address_id: '64.02.18.2001',
        lat: -0.35871,
        long: 116.61794,
      });
      expect(r.expected_datetime).toMatch(W3C); // verification due (3 working days)
      const raw = JSON.stringify(r);
      for (const secret of ['Budi', 'Santoso', 'budi.santoso@example.com', '081234567890', token]) expect(raw).not.toContain(secret);

      const xml = await (await get(`/open311/v2/requests/${id}.xml`)).text();
      for (const secret of ['Budi', 'budi.santoso@example.com', '081234567890', token]) expect(xml).not.toContain(secret);
      const items = list(parseXml(xml).service_requests, 'request');
      expect(items).toHaveLength(1);
      expect(Object.keys(items[0])).toEqual(REQUEST_FIELDS);
      for (const k of REQUEST_FIELDS) expect(text(items[0][k])).toBe(r[k] === null ? '' : String(r[k]));
    });

    it('XML submission answers service_requests > request', async () => {
      const res = await post('/open311/v2/requests.xml', submission({ 'attribute[classification]': 'ASPIRASI', 'attribute[title]': 'Mohon jalan diperbaiki' }));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
      const items = list(parseXml(await res.text()).service_requests, 'request');
      expect(items).toHaveLength(1);
      expect(Object.keys(items[0])).toEqual(['service_request_id', 'token', 'service_notice', 'account_id']);
      expect(text(items[0].service_request_id)).toMatch(UUID);
      const staff = await ok('query($id: ID!) { report(id: $id) { title classification } }', { id: text(items[0].service_request_id) }, 'admin');
      expect(staff.report).toEqual({ title: 'Mohon jalan diperbaiki', classification: 'ASPIRASI' });
    });

    it('confidential and anonymous requests never appear publicly', async () => {
      const res = await post('/open311/v2/requests.json', submission({ 'attribute[confidential]': 'true', 'attribute[anonymous]': 'true', description: 'Ada pungutan liar di kantor desa saat mengurus surat keterangan usaha.' }));
      expect(res.status).toBe(200);
      const [{ service_request_id: secretId, token: secretToken }] = await res.json();
      const one = await get(`/open311/v2/requests/${secretId}.json`);
      expect(one.status).toBe(404);
      checkJsonErrors(404, await one.json());
      const all = await (await get(`/open311/v2/requests.json?service_request_id=${secretId},${id}`)).json();
      expect(all.map((r: any) => r.service_request_id)).toEqual([id]);
      const everything = await (await get('/open311/v2/requests.json')).text();
      expect(everything).not.toContain(secretId);
      expect(everything).not.toContain('pungutan liar');
      // the reporter still follows it with the token
      expect(await (await get(`/open311/v2/tokens/${secretToken}.json`)).json()).toEqual([{ service_request_id: secretId, token: secretToken }]);
      const staff = await ok('query($id: ID!) { report(id: $id) { anonymous confidential } }', { id: secretId }, 'admin');
      expect(staff.report).toEqual({ anonymous: true, confidential: true });
    });

    it('follows the request through disposition, response and completion', async () => {
      await ok('mutation($id: ID!) { dispositionReport(input: { reportId: $id, agencyId: "kukar-pupr" }) { report { status } } }', { id }, 'admin');
      let [r] = await (await get(`/open311/v2/requests/${id}.json`)).json();
      expect(r).toMatchObject({ status: 'open', agency_responsible: expect.stringContaining('Pekerjaan Umum') });
      expect(r.expected_datetime).toMatch(W3C); // completion due
      await ok('mutation($id: ID!) { respondToReport(input: { reportId: $id, body: "Tim sudah survei; penambalan dijadwalkan Senin." }) { report { status } } }', { id }, 'pupr');
      [r] = await (await get(`/open311/v2/requests/${id}.json`)).json();
      expect(r).toMatchObject({ status: 'open', status_notes: 'Tim sudah survei; penambalan dijadwalkan Senin.' });
      await ok('mutation($id: ID!) { respondToReport(input: { reportId: $id, body: "Lubang sudah ditambal." }) { report { status } } }', { id }, 'pupr');
      await ok('mutation($id: ID!) { completeReport(input: { reportId: $id, note: "Selesai." }) { report { status } } }', { id }, 'pupr');
      [r] = await (await get(`/open311/v2/requests/${id}.json`)).json();
      checkRequest(r);
      expect(r).toMatchObject({ status: 'closed', status_notes: 'Lubang sudah ditambal.' });
      expect(Date.parse(r.updated_datetime)).toBeGreaterThanOrEqual(Date.parse(r.requested_datetime));
    });

    it('GET requests filters: service_request_id, service_code, status, start_date/end_date (JSON and XML)', async () => {
      const closed = await (await get('/open311/v2/requests.json?status=closed')).json();
      expect(closed.map((r: any) => r.service_request_id)).toEqual([id]);
      const open = await (await get('/open311/v2/requests.json?status=open')).json();
      expect(open.length).toBeGreaterThan(0);
      expect(open.every((r: any) => r.status === 'open')).toBe(true);
      const both = await (await get('/open311/v2/requests.json?status=open,closed')).json();
      expect(both.length).toBe(open.length + closed.length);
      both.forEach(checkRequest);
      expect(await (await get('/open311/v2/requests.json?service_code=KESEHATAN')).json()).toEqual([]);
      expect((await (await get('/open311/v2/requests.json?service_code=KESEHATAN,JALAN')).json()).length).toBe(both.length);
      expect(await (await get('/open311/v2/requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z')).json()).toEqual([]);
      const now = new Date();
      const window = `start_date=${new Date(now.getTime() - 3_600_000).toISOString().slice(0, 19)}Z&end_date=${new Date(now.getTime() + 60_000).toISOString().slice(0, 19)}Z`;
      expect((await (await get(`/open311/v2/requests.json?${window}`)).json()).length).toBe(both.length);
      // with service_request_id every other parameter is ignored
      const byId = await (await get(`/open311/v2/requests.json?service_request_id=${id}&status=open&service_code=KESEHATAN`)).json();
      expect(byId.map((r: any) => r.service_request_id)).toEqual([id]);
      const xml = parseXml(await (await get('/open311/v2/requests.xml?status=closed')).text());
      expect(list(xml.service_requests, 'request').map((r: any) => text(r.service_request_id))).toEqual([id]);
      for (const bad of ['status=pending', 'start_date=yesterday', 'end_date=2026-13-45T00:00:00Z', 'start_date=2026-03-02T00:00:00Z&end_date=2026-03-01T00:00:00Z']) {
        const res = await get(`/open311/v2/requests.json?${bad}`);
        expect(res.status).toBe(400);
        checkJsonErrors(400, await res.json());
        const x = await get(`/open311/v2/requests.xml?${bad}`);
        expect(x.status).toBe(400);
        checkXmlErrors(400, await x.text());
      }
    });

    it('the submissions show up in analyticsOverview (public and staff)', async () => {
      const overview = await eventually(
        () => ok('{ analyticsOverview(filter: { topic: "JALAN" }) { volume byStatus { status count } } }', {}, 'admin'),
        (d) => d.analyticsOverview.volume >= 3 && d.analyticsOverview.byStatus.find((s: any) => s.status === 'COMPLETED')?.count === 1,
      );
      expect(overview.analyticsOverview.volume).toBeGreaterThanOrEqual(3);
      expect(overview.analyticsOverview.byStatus.find((s: any) => s.status === 'COMPLETED').count).toBe(1);
      const dashboardList = await ok('query($id: ID!) { report(id: $id) { status agency { id } } }', { id }, 'admin');
      expect(dashboardList.report).toEqual({ status: 'COMPLETED', agency: { id: 'kukar-pupr' } });
    });

    it('submissions are rate-limited per key (429, Retry-After, spec format); other keys go on', async () => {
      const busy = (await ok('mutation { issueApiClient(name: "Busy client") { apiKey } }', {}, 'admin')).issueApiClient.apiKey;
      // invalid submissions count too (the key is charged before the parameters are checked): nothing is stored
      const form = { ...submission(), api_key: busy, service_code: '' };
      for (let i = 0; i < 40; i++) expect((await post('/open311/v2/requests.json', form)).status).toBe(400);
      const refused = await post('/open311/v2/requests.json', form);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      checkJsonErrors(429, await refused.json());
      const x = await post('/open311/v2/requests.xml', form);
      expect(x.status).toBe(429);
      checkXmlErrors(429, await x.text());
      expect((await post('/open311/v2/requests.json', { ...submission(), service_code: '' })).status).toBe(400);
    });

    it('a revoked key stops working at once', async () => {
      const other = await ok('mutation { issueApiClient(name: "Short-lived") { apiKey client { id } } }', {}, 'admin');
      const form = { ...submission(), api_key: other.issueApiClient.apiKey };
      expect((await post('/open311/v2/requests.json', form)).status).toBe(200);
      const revoked = await ok('mutation($id: ID!) { revokeApiClient(id: $id) { revokedAt } }', { id: other.issueApiClient.client.id }, 'admin');
      expect(revoked.revokeApiClient.revokedAt).toMatch(/^\d{4}-/);
      const res = await post('/open311/v2/requests.json', form);
      expect(res.status).toBe(403);
      checkJsonErrors(403, await res.json());
    });
  });
});
