import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'kb/**', 'bin/**', 'charts/**', '*.config.js', 'scripts/**/*.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Pure domain libs must stay framework-free: the CLI, services and tests share them.
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['libs/io/**', 'libs/hpo/**', 'libs/genes/**', 'libs/variants-db/**', 'libs/variant-store/**', 'libs/kb/**', 'libs/liftover/**', 'libs/case-model/**', 'libs/vcf/**', 'libs/annotation/**', 'libs/phenotype/**', 'libs/model-organisms/**', 'libs/interactome/**', 'libs/gene-evidence/**', 'libs/ranking/**', 'libs/report/**', 'libs/engine/**', 'libs/web-app/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@nestjs/*', 'mongoose', 'bullmq'] }] },
  },
);
