import postgres from 'postgres';

/**
 * A postgres.js client for a libpq-style URL. A `host` query parameter naming a directory
 * (`postgres://certflow@localhost/postgres?host=/srv/certflow/run`) connects through the Unix
 * socket there — how the embedded server is reached — as libpq would.
 */
export function connect(url: string, options: postgres.Options<Record<string, never>> = {}) {
  const parsed = new URL(url);
  const socketDir = parsed.searchParams.get('host');
  if (socketDir?.startsWith('/')) {
    parsed.searchParams.delete('host');
    return postgres(parsed.href, { ...options, host: socketDir });
  }
  return postgres(url, options);
}
