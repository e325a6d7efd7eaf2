import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { sharedConfigFromEnv } from './shared-config.js';
import { SHARED_VARIABLES } from './shared-variables.js';

const deployed = {
  DATABASE_URL: 'postgres://certflow:pw@postgres:5432/certflow',
  REDIS_URL: 'redis://redis:6379',
  CERTFLOW_PUBLIC_URL: 'https://certflow.example.edu.cn/',
  CERTFLOW_MAIL_SECRET: 'k1=0123456789abcdef0123456789abcdef',
  SMTP_URL: 'smtp://mailpit:1025',
};

describe('the shared configuration', () => {
  it('reads a deployment: links on CERTFLOW_PUBLIC_URL, mail dir in the data dir, reply approval off', () => {
    const c = sharedConfigFromEnv({ ...deployed, CERTFLOW_DATA_DIR: '/data' });
    expect(c).toMatchObject({
      dataDir: '/data',
      databaseUrl: deployed.DATABASE_URL,
      redisUrl: deployed.REDIS_URL,
      redisPrefix: 'certflow',
      publicUrl: 'https://certflow.example.edu.cn',
      demo: false,
    });
    expect(c.mail).toMatchObject({
      smtpUrl: 'smtp://mailpit:1025',
      emlDir: '/data/mail',
      publicUrl: 'https://certflow.example.edu.cn',
      inbound: null,
    });
  });

  it('configures the reply endpoint: port, bind address, domain, authentication', () => {
    const c = sharedConfigFromEnv({
      ...deployed,
      MAIL_INBOUND_PORT: '2525',
      MAIL_INBOUND_HOST: '0.0.0.0',
      MAIL_TRUSTED_RELAYS: '10.1.2.3, 10.1.2.4',
    });
    expect(c.mail.inbound).toEqual({
      port: 2525,
      host: '0.0.0.0',
      replyDomain: 'certflow.example.edu.cn',
      auth: { mode: 'dmarc', trustedRelays: ['10.1.2.3', '10.1.2.4'], dnsServers: [] },
    });
    expect(
      sharedConfigFromEnv({
        ...deployed,
        MAIL_INBOUND_PORT: '25',
        MAIL_REPLY_DOMAIN: 'reply.example.edu.cn',
      }).mail.inbound?.replyDomain,
    ).toBe('reply.example.edu.cn');
  });

  it('never guesses where links point in a deployment, and names the renamed PUBLIC_URL', () => {
    const { CERTFLOW_PUBLIC_URL: _, ...rest } = deployed;
    expect(() => sharedConfigFromEnv(rest)).toThrow(/CERTFLOW_PUBLIC_URL: 必填/u);
    expect(() => sharedConfigFromEnv({ ...rest, PUBLIC_URL: 'https://x.example.edu.cn' })).toThrow(
      /PUBLIC_URL: 已不再读取，请改用 CERTFLOW_PUBLIC_URL \/ is no longer read: set CERTFLOW_PUBLIC_URL/u,
    );
    // Embedded mode: the caller's own address is the default.
    expect(sharedConfigFromEnv({}, { defaultPublicUrl: 'http://127.0.0.1:3000' }).publicUrl).toBe(
      'http://127.0.0.1:3000',
    );
  });

  it('collects every bad variable into one error, Chinese first', () => {
    let error: unknown;
    try {
      sharedConfigFromEnv(
        { DATABASE_URL: 'mysql://x', DATABASE_POOL_MAX: '0', MAIL_REPLY_AUTH: 'maybe' },
        { production: true },
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.variable);
    expect(problems).toEqual(
      expect.arrayContaining([
        'DATABASE_URL',
        'DATABASE_POOL_MAX',
        'MAIL_REPLY_AUTH',
        'REDIS_URL',
        'CERTFLOW_PUBLIC_URL',
      ]),
    );
    expect((error as Error).message).toMatch(
      /^配置有误 \/ invalid configuration:\n {2}DATABASE_URL: 须为 postgres:\/\/ 地址 \/ must be a postgres:\/\/ URL/u,
    );
  });

  it('passes the 领导小组 setting (LEADERSHIP_DECISION, 第六条2) to the flows, and names a bad value', () => {
    expect(sharedConfigFromEnv(deployed).pilot.flows.leadership).toEqual({ mode: 'chair' });
    expect(
      sharedConfigFromEnv({ ...deployed, LEADERSHIP_DECISION: '' }).pilot.flows.leadership,
    ).toEqual({ mode: 'chair' });
    expect(
      sharedConfigFromEnv({ ...deployed, LEADERSHIP_DECISION: 'council:3' }).pilot.flows.leadership,
    ).toEqual({ mode: 'council', threshold: 3 });
    expect(() => sharedConfigFromEnv({ ...deployed, LEADERSHIP_DECISION: 'everyone' })).toThrow(
      /LEADERSHIP_DECISION: 取值不合法（chair, council or council:N/u,
    );
  });

  it('takes an empty value as unset (compose writes ${X:-} as "")', () => {
    expect(
      sharedConfigFromEnv({
        ...deployed,
        PILOT_COLLEGES: '',
        MAIL_INBOUND_PORT: '',
        REDIS_PREFIX: '',
      }).redisPrefix,
    ).toBe('certflow');
  });

  it('documents every variable with both languages and a default', () => {
    for (const [name, spec] of Object.entries(SHARED_VARIABLES)) {
      expect({
        name,
        zh: /[\u4e00-\u9fff]/u.test(spec.zh),
        en: spec.en.length > 5,
        scope: spec.scope,
      }).toEqual({ name, zh: true, en: true, scope: 'shared' });
      expect(spec.default).toBeDefined();
    }
  });
});
