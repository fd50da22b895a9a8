/**
 * @pantau/contract: the public contract as plain data and pure functions, with no runtime
 * dependencies, shared by the services (validation) and the dashboard (forms, labels, errors).
 */
export * from './vocabulary';
export * from './limits';
export * from './tracking-id';
export * from './errors';
export * from './error-messages';
