/** A variable and what is wrong with it, in zh-CN and English. */
export interface ConfigProblem {
  readonly variable: string;
  readonly zh: string;
  readonly en: string;
}

/**
 * The environment is not a configuration certflow can start with. `message` names every bad
 * variable, one line each, Chinese first: `DATABASE_URL: 须为 postgres:// 地址 / must be a postgres:// URL`.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'CONFIG_INVALID';
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(
      [
        '配置有误 / invalid configuration:',
        ...problems.map((p) => `  ${p.variable}: ${p.zh} / ${p.en}`),
      ].join('\n'),
    );
    this.problems = problems;
  }
}
