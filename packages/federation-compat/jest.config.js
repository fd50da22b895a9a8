// Runs the test files of @apollo/federation-subgraph-compatibility-tests 1.2.1 (fetched by suite.cjs) against
// the processes global-setup starts; its `utils/client` module is replaced by src/suite-client.ts (addresses
// and the service credential). Our own tests of the fixture run beside them.
const path = require('node:path');
const { SUITE_DIR, ensureSuite } = require('./suite.cjs');

ensureSuite();
const preset = require('../../jest.preset.js');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  rootDir: __dirname,
  roots: ['<rootDir>/src', path.join(SUITE_DIR, 'dist', 'tests')],
  testMatch: ['<rootDir>/src/**/__tests__/**/*.test.ts', path.join(SUITE_DIR, 'dist', 'tests', '*.test.js')],
  moduleNameMapper: { '^\\.\\./utils/client$': '<rootDir>/src/suite-client.ts' },
  globalSetup: '<rootDir>/src/global-setup.ts',
  globalTeardown: '<rootDir>/src/global-teardown.ts',
  reporters: ['default', '<rootDir>/compat-reporter.cjs'],
  testTimeout: 30000,
};
