// @pantau/testing depends on @pantau/common, so common's own tests take its source directly (no package cycle).
module.exports = {
  ...require('../../jest.preset.js'),
  moduleNameMapper: { '^@pantau/testing$': '<rootDir>/../testing/src/index.ts' },
};
