export default async function globalTeardown(): Promise<void> {
  await globalThis.__federationCompatStack?.stop();
  globalThis.__federationCompatStack = undefined;
}
