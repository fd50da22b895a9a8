import crypto from 'node:crypto';
import { startCompatStack, type CompatStack } from './stack';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureSuite } = require('../suite.cjs') as { ensureSuite(): string };

declare global {
  var __federationCompatStack: CompatStack | undefined;
}

/** Starts products (the fixture), the suite's inventory and users, and a gateway, on loopback ports. */
export default async function globalSetup(): Promise<void> {
  // a standalone fixture: keys for the service credential, random per run unless given
  process.env.PANTAU_JWT_SECRET ||= crypto.randomBytes(48).toString('base64url');
  process.env.PANTAU_SERVICE_SECRET ||= crypto.randomBytes(48).toString('base64url');
  process.env.LOG_LEVEL ||= 'warn';
  const stack = await startCompatStack(ensureSuite());
  globalThis.__federationCompatStack = stack;
  process.env.FEDERATION_COMPAT_PRODUCTS_URL = stack.productsUrl;
  process.env.FEDERATION_COMPAT_ROUTER_URL = stack.routerUrl;
}
