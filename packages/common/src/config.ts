import path from 'node:path';

export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return n;
}

export function envString(name: string, fallback: string): string {
  const raw = process.env[name];
  return raw === undefined || raw === '' ? fallback : raw;
}

/** Directory of embedded databases and uploaded files. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.PANTAU_DATA_DIR || path.join(process.cwd(), 'data'));
}

/** Fixed default ports; each can be overridden by env. */
export const DEFAULT_PORTS = {
  gateway: 4000,
  agencies: 4001,
  reports: 4002,
  analytics: 4003,
} as const;

export type ServiceName = 'agencies' | 'reports' | 'analytics';

export function servicePort(service: keyof typeof DEFAULT_PORTS): number {
  return envInt(`${service.toUpperCase()}_PORT`, DEFAULT_PORTS[service]);
}

export function serviceUrl(service: ServiceName): string {
  return envString(`${service.toUpperCase()}_URL`, `http://127.0.0.1:${servicePort(service)}/graphql`);
}
