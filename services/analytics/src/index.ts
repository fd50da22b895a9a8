export { createServer, type AnalyticsServer, type AnalyticsServerOptions } from './server';
export { buildAnalyticsSchema } from './schema';
export { AnalyticsStore } from './storage/store';
export { AnalyticsService } from './service/analytics-service';
export { OutboxConsumer, type ConsumerStatus } from './consumer/consumer';
export { HttpOutboxSource, reportsInternalUrl, type OutboxSource } from './consumer/source';
