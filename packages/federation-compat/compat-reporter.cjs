// Scores the run the way the suite's own runner does (dist/testRunner.js runJest): each of its 15 assertions
// passes when none of the jest tests under that name (describe title, or the test's own name) failed. Here an
// assertion also needs at least one test that ran. Prints the table and fails the run below 15 of 15.
const fs = require('node:fs');
const path = require('node:path');
const { VERSION, suiteAssertions } = require('./suite.cjs');

class CompatReporter {
  constructor() {
    this.error = undefined;
  }

  onRunComplete(_contexts, results) {
    const names = suiteAssertions();
    const assertions = results.testResults.flatMap((file) => file.testResults);
    const nameOf = (a) => (a.ancestorTitles.length === 0 ? a.fullName : a.ancestorTitles[0]);
    const rows = names.map((name) => {
      const mine = assertions.filter((a) => nameOf(a) === name);
      const ok = mine.length > 0 && mine.every((a) => a.status === 'passed');
      return { name, ok, tests: mine.length };
    });
    if (rows.every((r) => r.tests === 0)) return; // a run of our own tests only (a path filter)
    const passed = rows.filter((r) => r.ok).length;
    const lines = [
      `Apollo federation subgraph compatibility ${VERSION}: ${passed} of ${names.length} passed`,
      ...rows.map((r) => `  ${r.ok ? 'pass' : 'FAIL'}  ${r.name} (${r.tests} test${r.tests === 1 ? '' : 's'})`),
    ];
    console.log(`\n${lines.join('\n')}\n`);
    fs.mkdirSync(path.join(__dirname, 'suite-cache'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, 'suite-cache', 'results.txt'), `${lines.join('\n')}\n`);
    if (names.length !== 15) this.error = new Error(`expected the suite's 15 assertions, found ${names.length}`);
    else if (passed < names.length) this.error = new Error(`${names.length - passed} of ${names.length} compatibility assertions failed`);
  }

  getLastError() {
    return this.error;
  }
}

module.exports = CompatReporter;
