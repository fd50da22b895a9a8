// The contract has no database: the preset's MariaDB global setup is not needed.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const { globalSetup, ...preset } = require('../../jest.preset.js');
module.exports = preset;
