// Two projects: `unit` (pure logic, reads the data mirror, needs no servers) and
// `integration` (real Redis + FerretDB, URLs from the environment; see scripts/with-test-servers.sh).
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      // rewrite @rarerank/* imports at transform time, so globalSetup (which gets no moduleNameMapper) resolves them too
      baseUrl: __dirname,
      paths: { '@rarerank/*': ['libs/*/src'] },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
  },
];
const moduleNameMapper = {
  '^@rarerank/([a-z-]+)$': '<rootDir>/libs/$1/src',
  // the browser app (libs/web-app) imports its modules as ES modules do: './format.js' for format.ts
  '^(\\.{1,2}/.*)\\.js$': '$1',
};
// Nest 12 ships ESM only; Jest on Node 20 cannot require() ESM, so swc compiles those packages too.
const esmPackages = ['@nestjs'];
const common = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper,
  testEnvironment: 'node',
};

module.exports = {
  // a safety net, not a speed check (benchmarks measure speed): tests and hooks that read whole
  // mirror files or boot services take seconds, and the CI machine is shared and noisy. A global
  // option: Jest ignores it inside a project.
  testTimeout: 30_000,
  // builds (or reuses) one KB from the real mirror for the specs that need one: RARERANK_TEST_KB
  globalSetup: '<rootDir>/test/global-setup.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/services/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/**/*.spec.ts'] },
  ],
};
