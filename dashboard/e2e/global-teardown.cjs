'use strict';
const fs = require('node:fs');

module.exports = async function globalTeardown() {
  const started = globalThis.__PANTAU_STACK__;
  if (!started) return;
  await started.stack.stop();
  fs.rmSync(started.dataDir, { recursive: true, force: true });
};
