/** End-to-end tests: headless Debian Chromium (/usr/bin/chromium) via playwright-core. */
const base = require('./jest.config.js');
module.exports = {
  ...base,
  testPathIgnorePatterns: ['/node_modules/'],
  testMatch: ['**/tests/e2e/**/*.test.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
};
