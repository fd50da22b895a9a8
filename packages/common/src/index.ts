import 'reflect-metadata';

export * from './vocabulary';
export * from './errors';
export * from './config';
export * from './logger';
export * from './auth';
export * from './keys';
export * from './service-auth';
export * from './token-state';
export * from './datasource';
export * from './federation';
export * from './pagination';
export * from './server';
export * from './testing';
export * from './events';
export * from './rate-limit';
export * from './limits';
