import type { Actor, Person } from '@certflow/engine';
import { isDeactivated } from '../directory/deactivation.js';
import { httpError } from '../http/api-error.js';
import type { VerifiedClaims } from './token-service.js';

/**
 * Appended to a name the directory does not know, so the audit trail shows it was the token's
 * word: `钱院长（令牌自报，目录中无此人）`.
 */
export const UNREGISTERED_NAME_SUFFIX = '（令牌自报，目录中无此人）';

const refused = (reason: string) => httpError(401, 'UNAUTHENTICATED', { reason });

/**
 * The actor of a verified token, as the directory knows them (docs/http-api.md § Identity):
 * name and email always from the directory (the token's name only when the directory has no
 * such person, marked with `UNREGISTERED_NAME_SUFFIX`); in `directory` mode roles and college
 * too, so the API and the mail links give a person the same rights. A deactivated person, and in
 * directory mode an unknown one or one without roles, is 401.
 */
export function resolveActor(verified: VerifiedClaims, person: Person | undefined): Actor {
  if (person && isDeactivated(person)) throw refused('deactivated');
  if (verified.mode === 'directory') {
    if (!person) throw refused('not-in-directory');
    if (person.roles.length === 0) throw refused('no-roles');
    return {
      id: person.id,
      name: person.name,
      email: person.email,
      roles: [...person.roles],
      ...(person.college === null ? {} : { college: person.college }),
      ...organizationOf(person),
      kind: 'person',
    };
  }
  const c = verified.claims;
  return {
    id: c.sub,
    name: person ? person.name : `${c.name}${UNREGISTERED_NAME_SUFFIX}`,
    email: person ? person.email : c.email,
    roles: c.roles,
    ...(c.college === undefined ? {} : { college: c.college }),
    ...(person ? organizationOf(person) : {}),
    kind: 'person',
  };
}

/** The evaluation organization of a directory person, where the directory records one. */
function organizationOf(person: Person): { organization?: string } {
  return person.organization ? { organization: person.organization } : {};
}
