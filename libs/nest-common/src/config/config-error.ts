/** One bad environment variable and what is wrong with it (never its value: URLs can carry passwords). */
export interface ConfigIssue {
  variable: string;
  message: string;
}

/** Thrown by parseConfig when the environment does not satisfy the service's schema. */
export class ConfigError extends Error {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(['Invalid configuration:', ...issues.map((i) => `  ${i.variable}: ${i.message}`)].join('\n'));
    this.name = 'ConfigError';
    this.issues = issues;
  }
}
