/** ESM Jest for NestJS 12 (see ../shared/SETUP-NOTES.md). Run with NODE_OPTIONS=--experimental-vm-modules. */
export default {
  rootDir: '..',
  roots: ['<rootDir>/api', '<rootDir>/db'],
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/api/tsconfig.json', diagnostics: false }],
  },
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/api/test/global-setup.mjs',
  testTimeout: 30000,
  maxWorkers: 2,
};
