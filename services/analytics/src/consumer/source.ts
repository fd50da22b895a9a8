import { servicePort, serviceHeaders, type OutboxEvent, type OutboxPage } from '@pantau/common';

/**
 * Where outbox pages come from. The service reads the reports service over HTTP; tests can serve
 * pages from anywhere (an express app, the real reports service) behind the same interface.
 */
export interface OutboxSource {
  /** Events with seq > after, in seq order, at most `limit`. */
  fetchPage(after: number, limit: number): Promise<OutboxPage>;
  describe(): string;
}

export class OutboxFormatError extends Error {}

/** Base URL of the reports service's internal endpoints. */
export function reportsInternalUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.REPORTS_INTERNAL_URL || `http://127.0.0.1:${servicePort('reports')}`).replace(/\/+$/, '');
}

/** Checks a page's shape; a malformed page is an error (retried), never silently half-applied. */
export function validatePage(body: unknown): OutboxPage {
  const page = body as Partial<OutboxPage> | null;
  if (!page || !Array.isArray(page.events) || typeof page.headSeq !== 'number') {
    throw new OutboxFormatError('Outbox page must be { events: OutboxEvent[], headSeq: number }.');
  }
  let prev = -Infinity;
  for (const e of page.events as Partial<OutboxEvent>[]) {
    if (!e || !Number.isSafeInteger(e.seq) || !e.report || typeof e.report.id !== 'string' || typeof e.report.submittedAt !== 'string') {
      throw new OutboxFormatError(`Malformed outbox event ${JSON.stringify(e)?.slice(0, 200)}.`);
    }
    if (e.seq! <= prev) throw new OutboxFormatError(`Outbox events out of order (seq ${e.seq} after ${prev}).`);
    prev = e.seq!;
  }
  return page as OutboxPage;
}

/** GET {base}/internal/outbox?after=&limit= with the service credential (X-Pantau-Service, PANTAU_SERVICE_SECRET). */
export class HttpOutboxSource implements OutboxSource {
  constructor(
    private readonly baseUrl: string = reportsInternalUrl(),
    private readonly opts: { service?: string; timeoutMs?: number } = {},
  ) {}

  describe(): string {
    return `${this.baseUrl}/internal/outbox`;
  }

  async fetchPage(after: number, limit: number): Promise<OutboxPage> {
    const url = `${this.baseUrl}/internal/outbox?after=${encodeURIComponent(String(after))}&limit=${encodeURIComponent(String(limit))}`;
    const res = await fetch(url, {
      headers: { ...(await serviceHeaders(this.opts.service ?? 'analytics')), accept: 'application/json' },
      signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
    });
    if (!res.ok) {
      const text = await res.text().catch(() => '');
      throw new Error(`Outbox ${url} answered HTTP ${res.status}: ${text.slice(0, 200)}`);
    }
    return validatePage(await res.json());
  }
}
