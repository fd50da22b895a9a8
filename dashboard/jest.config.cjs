// Two projects: component tests in jsdom (src/**/__tests__/*.test.ts(x)) and the end-to-end browser
// test in node (e2e/*.e2e.test.ts), which skips with a notice when BASE_URL does not answer unless
// REQUIRE_BROWSER=1. Both spread the monorepo's shared preset (SWC handles ts/tsx); the preset's
// MariaDB global setup is not needed here.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const { globalSetup, maxWorkers, testTimeout, ...preset } = require('../jest.preset.js');

// wouter and regexparam ship ESM only: let SWC transform them too.
const transformIgnorePatterns = ['/node_modules/(?!(wouter|regexparam)/)'];

/** @type {import('jest').Config} */
module.exports = {
  maxWorkers: 1,
  testTimeout: 60000,
  projects: [
    {
      ...preset,
      displayName: 'components',
      rootDir: __dirname,
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/__tests__/**/*.test.ts?(x)'],
      transformIgnorePatterns,
      setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
    },
    {
      ...preset,
      displayName: 'e2e',
      rootDir: __dirname,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/e2e/global-setup.cjs',
      globalTeardown: '<rootDir>/e2e/global-teardown.cjs',
      testMatch: ['<rootDir>/e2e/**/*.e2e.test.ts'],
    },
  ],
};
