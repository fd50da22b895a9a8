import {
  composeBody,
  open311Status,
  parseBody,
  parseBooleanAttribute,
  serviceDefinition,
  serviceOf,
  statusesFor,
  titleFrom,
  topicGroup,
  withinJurisdiction,
} from '../domain';
import { parseW3cDate, toXml, w3cDate, zoneOffsetMinutes } from '../format';
import { upstreamError } from '../graphql';
import { descriptorFor, monthRange, RESOURCES } from '../open-data';
import { parseXml, list, text } from './support';

const JALAN = { code: 'JALAN', labelId: 'Jalan dan jembatan', labelEn: 'Roads and bridges', asset: true };

describe('status mapping', () => {
  it.each([
    ['SUBMITTED', 'open'],
    ['DISPOSITIONED', 'open'],
    ['IN_PROGRESS', 'open'],
    ['ON_HOLD', 'open'],
    ['COMPLETED', 'closed'],
    ['ARCHIVED', 'closed'],
  ] as const)('%s → %s', (s, o) => expect(open311Status(s)).toBe(o));

  it('reads the status filter', () => {
    expect(statusesFor('open')).toEqual(['SUBMITTED', 'DISPOSITIONED', 'IN_PROGRESS', 'ON_HOLD']);
    expect(statusesFor('closed')).toEqual(['COMPLETED', 'ARCHIVED']);
    expect(statusesFor('open, CLOSED')).toHaveLength(6);
    expect(statusesFor('pending')).toBeNull();
  });
});

describe('services', () => {
  it('maps a topic to a GeoReport service', () => {
    expect(serviceOf(JALAN)).toEqual({
      service_code: 'JALAN',
      service_name: 'Jalan dan jembatan',
      description: 'Jalan dan jembatan (Roads and bridges)',
      metadata: true,
      type: 'realtime',
      keywords: 'jalan,jembatan,roads,bridges',
      group: 'Infrastruktur',
    });
    expect(topicGroup('SOMETHING_NEW')).toBe('Lainnya');
  });

  it('defines the attributes in the spec order, roads only for road topics', () => {
    const def = serviceDefinition(JALAN, [{ id: 'r1', name: 'Jalan A', status: 'KABUPATEN' }]);
    expect(def.attributes.map((a) => a.code)).toEqual(['road_id', 'classification', 'anonymous', 'confidential', 'region_code', 'title']);
    expect(Object.keys(def.attributes[0])).toEqual(['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values']);
    expect(def.attributes[0].values).toEqual([{ key: 'r1', name: 'Jalan A (KABUPATEN)' }]);
    expect(def.attributes.map((a) => a.order)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(serviceDefinition({ ...JALAN, asset: false }, []).attributes[0].code).toBe('classification');
  });
});

describe('body, title, attributes', () => {
  it('round-trips the location and media lines through the report body', () => {
    const body = composeBody('Lubang besar di jalan desa.', { lat: -0.5, long: 116.25, address: 'Jl. Poros  km 3' }, 'https://example.org/a.jpg');
    expect(body).toBe('Lubang besar di jalan desa.\n\nAlamat: Jl. Poros km 3\nKoordinat: -0.5, 116.25\nMedia: https://example.org/a.jpg');
    expect(parseBody(body)).toEqual({ description: 'Lubang besar di jalan desa.', lat: -0.5, long: 116.25, address: 'Jl. Poros km 3', mediaUrl: 'https://example.org/a.jpg' });
    expect(parseBody('Tanpa lokasi.')).toEqual({ description: 'Tanpa lokasi.', lat: null, long: null, address: null, mediaUrl: null });
    expect(parseBody(null).description).toBeNull();
  });

  it('makes a title from the description', () => {
    expect(titleFrom('Jalan rusak\nrinciannya', 'x')).toBe('Jalan rusak');
    const long = titleFrom('kata '.repeat(40), 'x');
    expect(long.length).toBeLessThanOrEqual(81);
    expect(long.endsWith('…')).toBe(true);
    expect(titleFrom('Oh', 'Jalan dan jembatan')).toBe('Jalan dan jembatan');
  });

  it('checks jurisdictions by whole code segments and reads boolean attributes', () => {
    expect(withinJurisdiction('64.02.18.2001', '64.02')).toBe(true);
    expect(withinJurisdiction('64.02', '64.02')).toBe(true);
    expect(withinJurisdiction('64.021', '64.02')).toBe(false);
    expect(parseBooleanAttribute('true')).toBe(true);
    expect(parseBooleanAttribute('Tidak')).toBe(false);
    expect(parseBooleanAttribute('')).toBeUndefined();
    expect(parseBooleanAttribute('maybe')).toBeNull();
  });
});

describe('W3C datetimes', () => {
  it('formats in the reporting zone with its offset', () => {
    expect(w3cDate('2026-03-01T00:30:00.123Z', 'Asia/Makassar')).toBe('2026-03-01T08:30:00+08:00');
    expect(w3cDate('2026-03-01T00:30:00Z', 'UTC')).toBe('2026-03-01T00:30:00+00:00');
    expect(w3cDate('2026-03-01T00:30:00Z', 'America/New_York')).toBe('2026-02-28T19:30:00-05:00');
    expect(w3cDate(null)).toBeNull();
    expect(zoneOffsetMinutes(new Date('2026-07-01T00:00:00Z'), 'Asia/Jakarta')).toBe(420);
  });

  it('parses the W3C profiles and refuses anything else', () => {
    expect(parseW3cDate('2026-03-01')?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(parseW3cDate('2026-03-01T08:00:00+08:00')?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(parseW3cDate('2026-03-01T08:00Z')?.toISOString()).toBe('2026-03-01T08:00:00.000Z');
    for (const bad of ['yesterday', '2026-03-01T08:00:00', '2026-13-45T00:00:00Z', '1700000000']) expect(parseW3cDate(bad)).toBeNull();
  });
});

describe('XML', () => {
  it('is well-formed, escapes text, writes nulls as empty elements and names list items', () => {
    const xml = toXml('service_requests', 'request', [{ service_request_id: 'a<b>&"c"', status_notes: null, lat: 1.5 }]);
    const doc = parseXml(xml);
    const [r] = list(doc.service_requests, 'request');
    expect(text(r.service_request_id)).toBe('a<b>&"c"');
    expect(text(r.status_notes)).toBe('');
    expect(text(r.lat)).toBe('1.5');
    const def = parseXml(toXml('service_definition', null, { service_code: 'X', attributes: [{ code: 'a', values: [{ key: 'k', name: 'n' }] }] }, { attributes: 'attribute', values: 'value' }));
    expect(text(list(list(def.service_definition.attributes, 'attribute')[0].values, 'value')[0].key)).toBe('k');
  });
});

describe('GraphQL errors to HTTP', () => {
  it('keeps client mistakes and hides server ones', () => {
    // a client mistake keeps its code, reason and parameters (described again from the catalogue where answered)
    expect(upstreamError({ message: 'title too short', extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_SHORT', field: 'title', min: 5, max: 200, messageId: 'judul' } })).toMatchObject({
      status: 400,
      key: 'BAD_USER_INPUT.TOO_SHORT',
      params: { field: 'title', min: 5, max: 200 },
    });
    expect(upstreamError({ message: 'slow', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 7 } })).toMatchObject({ status: 429, retryAfterSeconds: 7 });
    expect(upstreamError({ message: 'connect ECONNREFUSED 127.0.0.1:4002', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }).message).not.toContain('127.0.0.1');
    expect(upstreamError({ message: 'at /work/x.js:1' })).toMatchObject({ status: 500, key: 'INTERNAL_SERVER_ERROR', params: {} });
  });
});

describe('open data descriptor', () => {
  it('describes every field, licenses figures CC BY 4.0 and region names ODbL', () => {
    const d = descriptorFor('2026-03-01T00:00:00Z', 'http://x') as any;
    expect(d.licenses.map((l: any) => l.name)).toEqual(['CC-BY-4.0']);
    expect(d.resources.map((r: any) => r.name)).toEqual(RESOURCES.map((r) => r.name));
    for (const r of d.resources) {
      for (const f of r.schema.fields) expect(f.description.length).toBeGreaterThan(5);
      expect(r.licenses.map((l: any) => l.name)).toEqual(r.name === 'agencies' ? ['ODbL-1.0', 'CC-BY-4.0'] : ['CC-BY-4.0']);
    }
  });

  it('months are [from, to) in the reporting zone', () => {
    expect(monthRange('2026-03', 'Asia/Makassar')).toEqual({ from: '2026-02-28T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z' });
    expect(monthRange('2026-12', 'Asia/Makassar').to).toBe('2026-12-31T16:00:00.000Z');
  });
});
