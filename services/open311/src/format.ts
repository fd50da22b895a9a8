import type express from 'express';
import { create } from 'xmlbuilder2';

export type Format = 'json' | 'xml';

/**
 * W3C datetime (ISO 8601 profile) with seconds and the offset of the given IANA zone, as in the GeoReport v2
 * examples (`2010-04-14T06:37:38-08:00`). Default zone: Asia/Makassar (WITA, +08:00), Kutai Kartanegara's.
 */
export function w3cDate(value: string | Date | null | undefined, timeZone = defaultTimeZone()): string | null {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  const offsetMin = zoneOffsetMinutes(d, timeZone);
  const local = new Date(d.getTime() + offsetMin * 60_000).toISOString().slice(0, 19);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function defaultTimeZone(): string {
  return process.env.PANTAU_OPEN311_TIME_ZONE || process.env.ANALYTICS_TIME_ZONE || 'Asia/Makassar';
}

/** Minutes east of UTC of `timeZone` at instant `d`. */
export function zoneOffsetMinutes(d: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(d);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60_000);
}

/** W3C datetime profiles accepted on input: YYYY-MM-DD, or date and time with Z or an offset (seconds and fraction optional). */
const W3C_INPUT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

export function parseW3cDate(raw: string): Date | null {
  if (!W3C_INPUT.test(raw)) return null;
  const d = new Date(raw.length === 10 ? `${raw}T00:00:00Z` : raw);
  return Number.isNaN(d.getTime()) ? null : d;
}

type Scalar = string | number | boolean | null | undefined;
export type Node = { [k: string]: Scalar | Node | Node[] | Scalar[] };

function xmlValue(v: Scalar): string {
  if (v === null || v === undefined) return '';
  return String(v);
}

/**
 * XML in the spec's shape: a root, one element per item (`itemName`), one child per field; null fields as
 * empty elements; arrays of objects under a wrapper element whose items are named by `listItems[field]`.
 */
export function toXml(root: string, itemName: string | null, items: object | object[], listItems: Record<string, string> = {}): string {
  const doc = create({ version: '1.0', encoding: 'utf-8' });
  const top = doc.ele(root);
  const write = (parent: ReturnType<typeof doc.ele>, obj: Node) => {
    for (const [k, v] of Object.entries(obj)) {
      if (Array.isArray(v)) {
        const wrap = parent.ele(k);
        const child = listItems[k] ?? k.replace(/s$/, '');
        for (const item of v as Array<Node | Scalar>) {
          if (item !== null && typeof item === 'object') write(wrap.ele(child), item as Node);
          else wrap.ele(child).txt(xmlValue(item as Scalar));
        }
      } else if (v !== null && typeof v === 'object') {
        write(parent.ele(k), v as Node);
      } else {
        const el = parent.ele(k);
        const text = xmlValue(v as Scalar);
        if (text) el.txt(text);
      }
    }
  };
  if (Array.isArray(items)) for (const it of items) write(top.ele(itemName!), it as Node);
  else write(top, items as Node);
  return doc.end({ prettyPrint: true });
}

export function send(res: express.Response, format: Format, status: number, json: unknown, xml: () => string): void {
  res.status(status);
  res.setHeader('cache-control', 'no-store');
  if (format === 'xml') {
    res.type('text/xml; charset=utf-8');
    res.send(xml());
  } else {
    res.type('application/json; charset=utf-8');
    res.send(JSON.stringify(json));
  }
}

/** The spec's error format: `[{"code":404,"description":"…"}]` / `<errors><error><code>…` with the same HTTP status. */
export function sendErrors(res: express.Response, format: Format, status: number, descriptions: string[], retryAfterSeconds?: number): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (retryAfterSeconds) res.setHeader('retry-after', String(retryAfterSeconds));
  const errors = descriptions.map((description) => ({ code: status, description }));
  send(res, format, status, errors, () => toXml('errors', 'error', errors));
}
