import { create } from 'xmlbuilder2';

/** W3C datetime as GeoReport v2 answers it: seconds and an offset (or Z). */
export const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Parses XML (throws when it is not well-formed) into a plain object: elements → keys, text → strings. */
/** The DOM node surface the walk needs (xmlbuilder2's own DOM; no lib.dom in this workspace). */
interface Element {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<Element>;
}

export function parseXml(xml: string): any {
  const root = create(xml).root().node as unknown as Element;
  // DOM walk (text decoded): elements with element children → objects (repeated names → arrays), leaves → text
  const convert = (el: Element): any => {
    const children = Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1);
    if (!children.length) return el.textContent ?? '';
    const out: Record<string, any> = {};
    for (const c of children) {
      const v = convert(c);
      if (c.nodeName in out) out[c.nodeName] = Array.isArray(out[c.nodeName]) ? [...out[c.nodeName], v] : [out[c.nodeName], v];
      else out[c.nodeName] = v;
    }
    return out;
  };
  return { [root.nodeName]: convert(root) };
}

/** Children named `name` of a parsed element, always as an array. */
export function list(parent: any, name: string): any[] {
  const v = parent?.[name];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/** A parsed XML leaf's text ('' for an empty element). */
export function text(v: any): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return Object.keys(v).length ? JSON.stringify(v) : '';
  return String(v);
}

// ---- the spec's tables (GeoReport v2) -------------------------------------------------------------------------

export const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
export const ATTRIBUTE_FIELDS = ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'];
export const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'];
export const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];

/** One JSON service (GET services). */
export function checkService(s: any) {
  expect(Object.keys(s)).toEqual(SERVICE_FIELDS);
  expect(typeof s.service_code).toBe('string');
  expect(s.service_code).toMatch(/^[A-Z0-9_]+$/);
  expect(typeof s.service_name).toBe('string');
  expect(typeof s.description).toBe('string');
  expect(typeof s.metadata).toBe('boolean');
  expect(['realtime', 'batch', 'blackbox']).toContain(s.type);
  expect(typeof s.keywords).toBe('string');
  expect(typeof s.group).toBe('string');
}

/** One JSON attribute of a service definition. */
export function checkAttribute(a: any, i: number) {
  expect(Object.keys(a).slice(0, ATTRIBUTE_FIELDS.length)).toEqual(ATTRIBUTE_FIELDS);
  expect(a.variable).toBe(true);
  expect(typeof a.code).toBe('string');
  expect(DATATYPES).toContain(a.datatype);
  expect(typeof a.required).toBe('boolean');
  expect(a.order).toBe(i + 1);
  expect(typeof a.description).toBe('string');
  if (a.datatype.endsWith('valuelist')) {
    expect(Array.isArray(a.values)).toBe(true);
    for (const v of a.values) expect(Object.keys(v)).toEqual(['key', 'name']);
  } else expect(a.values).toBeUndefined();
}

/** One JSON service request (GET requests, GET requests/{id}). */
export function checkRequest(r: any) {
  expect(Object.keys(r)).toEqual(REQUEST_FIELDS);
  expect(r.service_request_id).toMatch(UUID);
  expect(['open', 'closed']).toContain(r.status);
  for (const f of ['status_notes', 'description', 'agency_responsible', 'address', 'zipcode', 'media_url', 'service_notice']) {
    expect(r[f] === null || typeof r[f] === 'string').toBe(true);
  }
  expect(typeof r.service_name).toBe('string');
  expect(typeof r.service_code).toBe('string');
  expect(r.requested_datetime).toMatch(W3C);
  expect(r.updated_datetime).toMatch(W3C);
  if (r.expected_datetime !== null) expect(r.expected_datetime).toMatch(W3C);
  for (const f of ['lat', 'long']) expect(r[f] === null || typeof r[f] === 'number').toBe(true);
  expect(typeof r.address_id).toBe('string');
}

/** The spec's error format, JSON: `[{"code": <status>, "description": "…"}]`. */
export function checkJsonErrors(status: number, body: any) {
  expect(Array.isArray(body)).toBe(true);
  expect(body.length).toBeGreaterThan(0);
  for (const e of body) {
    expect(Object.keys(e)).toEqual(['code', 'description']);
    expect(e.code).toBe(status);
    expect(typeof e.description).toBe('string');
    expect(e.description.length).toBeGreaterThan(5);
    expect(e.description).not.toMatch(/\/work\/|node_modules|at .*\.js:\d+|127\.0\.0\.1:\d+\/graphql/);
  }
}

/** The spec's error format, XML: `<errors><error><code>…</code><description>…</description></error></errors>`. */
export function checkXmlErrors(status: number, xml: string) {
  const doc = parseXml(xml);
  expect(Object.keys(doc)).toEqual(['errors']);
  const errors = list(doc.errors, 'error');
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect(Object.keys(e)).toEqual(['code', 'description']);
    expect(text(e.code)).toBe(String(status));
    expect(text(e.description).length).toBeGreaterThan(5);
  }
}
