import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { SERVICE_HEADER, verifyServiceToken, type OutboxEvent, type OutboxPage } from '@pantau/common';

/**
 * A stand-in for the reports service's internal outbox endpoint, over real HTTP and with the real
 * service-token check, serving whatever events a test puts in it. It can be taken down, slowed down,
 * and can hide events (a transaction not yet committed) to exercise the consumer.
 */
export class OutboxHttpServer {
  events: OutboxEvent[] = [];
  down = false;
  latencyMs = 0;
  hidden = new Set<number>();
  requests = 0;
  unauthorized = 0;
  private server: http.Server | null = null;
  base = '';

  async start(): Promise<this> {
    const app = express();
    app.get('/internal/outbox', async (req, res) => {
      this.requests += 1;
      try {
        await verifyServiceToken(String(req.headers[SERVICE_HEADER] ?? ''));
      } catch {
        this.unauthorized += 1;
        res.status(401).json({ error: 'service credential required' });
        return;
      }
      if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
      if (this.down) {
        res.status(503).json({ error: 'reports is down' });
        return;
      }
      const after = Number(req.query.after ?? 0);
      const limit = Math.min(Number(req.query.limit ?? 500) || 500, 5000);
      const visible = this.events.filter((e) => !this.hidden.has(e.seq));
      const page: OutboxPage = {
        events: visible.filter((e) => e.seq > after).slice(0, limit),
        headSeq: visible.reduce((m, e) => Math.max(m, e.seq), 0),
      };
      res.json(page);
    });
    this.server = http.createServer(app);
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
