import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TokenService } from '../auth/token-service.js';
import { DEMO_USERS, type DemoUserKey } from './demo-school.js';

/**
 * Demo tokens live as long as the server accepts (`CERTFLOW_JWT_MAX_TTL`, 12 h by default);
 * every start prints fresh ones.
 */
export const demoTokenTtlSeconds = (tokens: TokenService): number => tokens.trust.maxTtlSeconds;

/** A token per demo user, also written to `<dataDir>/demo-tokens.env` for `source`. */
export async function demoTokens(
  tokens: TokenService,
  dataDir: string,
  now: Date,
): Promise<Record<DemoUserKey, string>> {
  const out = {} as Record<DemoUserKey, string>;
  for (const [key, user] of Object.entries(DEMO_USERS) as Array<
    [DemoUserKey, (typeof DEMO_USERS)[DemoUserKey]]
  >) {
    out[key] = await tokens.sign(
      {
        sub: user.id,
        name: user.name,
        email: user.email,
        roles: [...user.roles],
        ...(user.college ? { college: user.college } : {}),
      },
      demoTokenTtlSeconds(tokens),
      now,
    );
  }
  const lines = Object.entries(out).map(
    ([key, token]) => `export CERTFLOW_TOKEN_${key.toUpperCase()}=${token}`,
  );
  writeFileSync(join(dataDir, 'demo-tokens.env'), `${lines.join('\n')}\n`, { mode: 0o600 });
  return out;
}
