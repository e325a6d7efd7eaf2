import { STILL_PENDING_T_TEXT } from './sql-values.js';
import type { Part } from './write-param.js';

/**
 * The write statement's checks (write-commands.ts, steps 1 and 2): lock what each write's checks
 * are about where the check still holds, then `ok`, the writes whose every check holds, and
 * `go`, their rows.
 */
export const CHECKS: readonly Part[] = [
  {
    name: 'ref_want',
    when: (u) => u.refs,
    body: () => `
    select w.n, q.kind, q.key, q.value, q.expected from w
    cross join lateral jsonb_to_recordset(w.refs) as q(kind text, key text, value jsonb, expected int)`,
  },
  {
    name: 'claim_lock',
    when: (u) => u.claim,
    body: () => `
    select w.n from w cross join lateral (
      select 1 from timers t where t.id = w.claim_id and ${STILL_PENDING_T_TEXT} for update) l`,
  },
  {
    name: 'token_lock',
    when: (u) => u.token,
    body: () => `
    select w.n from w cross join lateral (
      select 1 from mail_action_tokens k where k.token_hash = w.token_hash
        and k.used_at is null and k.superseded_at is null and k.expires_at > w.token_at
      for update) l`,
  },
  {
    name: 'ref_lock',
    when: (u) => u.refs,
    body: () => `
    select q.n from ref_want q cross join lateral (
      select 1 from reference_data d
      where d.kind = q.kind and d.key = q.key and d.version = q.expected for update) l`,
  },
  {
    name: 'inst_lock',
    when: (u) => u.expected,
    body: () => `
    select w.n from w cross join lateral (
      select 1 from instances i where i.id = w.inst->>'id' and i.version = w.expected
      for update) l`,
  },
  {
    name: 'ok',
    when: () => true,
    body: (u) =>
      `
    select w.n from w
    where true` +
      (u.claim ? `\n      and (w.claim_id is null or w.n in (select n from claim_lock))` : '') +
      (u.token ? `\n      and (w.token_hash is null or w.n in (select n from token_lock))` : '') +
      (u.refs
        ? `
      and (select count(*) from ref_want q where q.n = w.n and q.expected is not null)
        = (select count(*) from ref_lock l where l.n = w.n)
      and not exists (select 1 from ref_want q
        join reference_data d on d.kind = q.kind and d.key = q.key
        where q.n = w.n and q.expected is null)`
        : '') +
      (u.expected
        ? `\n      and (w.inst is null or w.expected is null or w.n in (select n from inst_lock))`
        : '') +
      (u.idem
        ? `
      and (w.idem is null or not exists (select 1 from idempotency_keys y
        where y.scope = w.idem->>'scope' and y.key = w.idem->>'key'))`
        : '') +
      (u.audit
        ? `
      and (w.audit is null or not exists (select 1 from admin_audit a
        where a.seq = (w.audit->>'seq')::bigint))`
        : ''),
  },
  { name: 'go', when: () => true, body: () => `\n    select w.* from w join ok using (n)` },
];
