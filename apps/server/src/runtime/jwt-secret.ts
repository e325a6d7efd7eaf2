import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The JWT secret: `CERTFLOW_JWT_SECRET` when configured; otherwise (embedded mode only) one
 * generated on first start and kept in `<dataDir>/jwt-secret` (mode 0600), so demo tokens
 * survive restarts. A PostgreSQL deployment must configure it.
 */
export function resolveJwtSecret(options: {
  configured: string | undefined;
  dataDir: string;
  allowGenerated: boolean;
}): string {
  return resolveSecret({ ...options, name: 'CERTFLOW_JWT_SECRET', file: 'jwt-secret' });
}

/** A secret from the environment, or (embedded mode) generated once into `<dataDir>/<file>`. */
export function resolveSecret(options: {
  configured: string | undefined;
  dataDir: string;
  allowGenerated: boolean;
  name: string;
  file: string;
}): string {
  if (options.configured) return options.configured;
  if (!options.allowGenerated) {
    throw new Error(`${options.name} is required with DATABASE_URL (at least 32 characters)`);
  }
  const file = join(options.dataDir, options.file);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(options.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
