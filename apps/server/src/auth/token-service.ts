import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { httpError } from '../http/api-error.js';
import {
  claimsSchema,
  isReservedIdentity,
  subjectClaimsSchema,
  type Claims,
  type SubjectClaims,
} from './claims.js';

const ALG = 'HS256';
/** Minimum secret length: HS256 wants at least 256 bits of key. */
export const MIN_SECRET_BYTES = 32;
/** Clock difference tolerated between the token's issuer and this server. */
export const CLOCK_TOLERANCE_SECONDS = 30;

/** How far tokens are trusted (docs/http-api.md § Authentication). */
export interface TokenTrust {
  /** Required `iss` when set. */
  readonly issuer?: string | undefined;
  /** Required `aud` when set. */
  readonly audience?: string | undefined;
  /** Longest accepted lifetime `exp - iat`, seconds (default 12 h). */
  readonly maxTtlSeconds?: number;
  /** `token`: roles and college from the claims; `directory`: only `sub` is read. */
  readonly identity?: 'token' | 'directory';
}

/** What a verified token says: the full claims (token mode) or only who it is (directory mode). */
export type VerifiedClaims =
  | { readonly mode: 'token'; readonly claims: Claims }
  | { readonly mode: 'directory'; readonly claims: SubjectClaims };

const refused = (reason: string, extra: Record<string, unknown> = {}) =>
  httpError(401, 'UNAUTHENTICATED', { reason, ...extra });

/** Verifies bearer tokens (HS256, `exp` and `iat` required, bounded lifetime) and signs tokens (demo, tests). */
export class TokenService {
  private readonly key: Uint8Array;
  readonly trust: Required<Pick<TokenTrust, 'maxTtlSeconds' | 'identity'>> & TokenTrust;

  constructor(secret: string, trust: TokenTrust = {}) {
    const key = new TextEncoder().encode(secret);
    if (key.length < MIN_SECRET_BYTES) {
      throw new TypeError(`CERTFLOW_JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes`);
    }
    this.key = key;
    this.trust = { maxTtlSeconds: 12 * 3600, identity: 'token', ...trust };
  }

  /**
   * The claims of a valid token; a 401 `ApiError` otherwise: `TOKEN_EXPIRED` when expired,
   * `UNAUTHENTICATED` (with a `reason`) for a bad signature, `alg: none`, a wrong `iss`/`aud`,
   * a lifetime above the maximum, an `iat` in the future, a reserved subject or bad claims.
   */
  async verify(token: string, now: Date = new Date()): Promise<VerifiedClaims> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: [ALG],
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: now,
        ...(this.trust.issuer === undefined ? {} : { issuer: this.trust.issuer }),
        ...(this.trust.audience === undefined ? {} : { audience: this.trust.audience }),
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw httpError(401, 'TOKEN_EXPIRED');
      if (
        error instanceof errors.JWTClaimValidationFailed &&
        (error.claim === 'iss' || error.claim === 'aud')
      ) {
        throw refused(error.claim === 'iss' ? 'wrong-issuer' : 'wrong-audience');
      }
      throw refused('invalid-token');
    }
    const { iat, exp, sub } = payload as { iat: number; exp: number; sub: string };
    const nowSeconds = Math.floor(now.getTime() / 1000);
    if (iat > nowSeconds + CLOCK_TOLERANCE_SECONDS) throw refused('issued-in-the-future');
    if (exp - iat > this.trust.maxTtlSeconds) {
      throw refused('lifetime-too-long', { maxSeconds: this.trust.maxTtlSeconds });
    }
    if (typeof sub === 'string' && isReservedIdentity(sub)) throw refused('reserved-identity');
    const schema = this.trust.identity === 'directory' ? subjectClaimsSchema : claimsSchema;
    const claims = schema.safeParse(payload);
    if (!claims.success) {
      const issues = claims.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      throw refused('invalid-claims', { issues });
    }
    return this.trust.identity === 'directory'
      ? { mode: 'directory', claims: claims.data }
      : { mode: 'token', claims: claims.data as Claims };
  }

  /** A token for these claims, valid for `ttlSeconds` from `now`. */
  async sign(
    claims: Claims | SubjectClaims,
    ttlSeconds: number,
    now: Date = new Date(),
  ): Promise<string> {
    const { sub, ...rest } = claims;
    const iat = Math.floor(now.getTime() / 1000);
    let jwt = new SignJWT({ ...rest })
      .setProtectedHeader({ alg: ALG, typ: 'JWT' })
      .setSubject(sub)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSeconds);
    if (this.trust.issuer !== undefined) jwt = jwt.setIssuer(this.trust.issuer);
    if (this.trust.audience !== undefined) jwt = jwt.setAudience(this.trust.audience);
    return jwt.sign(this.key);
  }
}
