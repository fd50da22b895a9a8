// Shared jest configuration: every workspace's jest.config.js spreads this.
// TypeScript is transpiled by SWC with legacy decorators + metadata (type-graphql/typeorm need both).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/__tests__/**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      require.resolve('@swc/jest'),
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  setupFiles: [require.resolve('reflect-metadata')],
  globalSetup: require.resolve('./jest.global-setup.js'),
  testTimeout: 60000,
  maxWorkers: 1,
};
