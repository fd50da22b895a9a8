export { createServer, type AgenciesServer, type AgenciesServerOptions } from './server';
export { buildAgenciesSchema } from './schema';
