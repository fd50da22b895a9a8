export * from './domain';
export * from './format';
export * from './graphql';
export * from './router';
export * from './open-data';
