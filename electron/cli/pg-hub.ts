// The organisers' hub on PostgreSQL as the CLI opens it (`hub`, `pairing-code`, `devices` with a postgres:// --db):
// one pool, the schema brought up to date, and the hub's addresses read from the processes that serve it.
export async function pgHub(url: string) {
  const { openPgPool, migratePg } = await import('../../db/pg/schema.js');
  const { PgHub } = await import('../services/sync/pg-hub.js');
  const pool = openPgPool(url);
  await migratePg(pool);
  const tls = async () => {
    const { pgHubTlsIdentity } = await import('../host/hub/tls.js');
    return pgHubTlsIdentity(pool);
  };
  const hub = new PgHub(pool, async () => {
    const urls = (await pool.query("SELECT url FROM hub_process WHERE seen_at > now() - interval '60 seconds' ORDER BY url")).rows.map((r: { url: string }) => r.url);
    return { urls, fingerprint: (await tls()).fingerprint };
  });
  return { pool, hub };
}

/** Runs `work` on the organisers' hub at `url`, then closes its pool. */
export async function withPgHub<T>(url: string, work: (hub: Awaited<ReturnType<typeof pgHub>>['hub']) => Promise<T>): Promise<T> {
  const { pool, hub } = await pgHub(url);
  try {
    return await work(hub);
  } finally {
    await pool.end();
  }
}
