/** Jest in ESM mode: ts-jest transpiles, `tsc --noEmit` type checks separately. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 60000,
  // Both cores: most suites wait on child processes and loopback servers, not on the CPU.
  maxWorkers: 2,
};
