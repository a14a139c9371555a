/** Jest in ESM mode: ts-jest transpiles, `tsc --noEmit` type checks separately. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 60000,
  // Three on two cores: most suites wait on child processes and loopback servers, not on the CPU
  // (here 205 s against 265 s on two workers; a fourth gained nothing).
  maxWorkers: 3,
};
