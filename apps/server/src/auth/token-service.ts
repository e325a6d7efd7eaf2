import type { Actor } from '@certflow/engine';
import { errors, jwtVerify, SignJWT } from 'jose';
import { httpError } from '../http/api-error.js';
import { claimsSchema, type Claims } from './claims.js';

const ALG = 'HS256';
/** Minimum secret length: HS256 wants at least 256 bits of key. */
export const MIN_SECRET_BYTES = 32;

/** Verifies bearer tokens (HS256, `exp` required) into actors, and signs tokens (demo, tests). */
export class TokenService {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    const key = new TextEncoder().encode(secret);
    if (key.length < MIN_SECRET_BYTES) {
      throw new TypeError(`CERTFLOW_JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes`);
    }
    this.key = key;
  }

  /** The actor of a valid token; a 401 `ApiError` (`UNAUTHENTICATED`/`TOKEN_EXPIRED`) otherwise. */
  async verify(token: string): Promise<Actor> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: [ALG],
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 30,
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw httpError(401, 'TOKEN_EXPIRED');
      throw httpError(401, 'UNAUTHENTICATED', { reason: 'invalid-token' });
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) {
      const issues = claims.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      throw httpError(401, 'UNAUTHENTICATED', { reason: 'invalid-claims', issues });
    }
    const c = claims.data;
    return {
      id: c.sub,
      name: c.name,
      email: c.email,
      roles: c.roles,
      ...(c.college === undefined ? {} : { college: c.college }),
      kind: 'person',
    };
  }

  /** A token for these claims, valid for `ttlSeconds` from `now`. */
  async sign(claims: Claims, ttlSeconds: number, now: Date = new Date()): Promise<string> {
    const { sub, ...rest } = claims;
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT({ ...rest })
      .setProtectedHeader({ alg: ALG, typ: 'JWT' })
      .setSubject(sub)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSeconds)
      .sign(this.key);
  }
}
