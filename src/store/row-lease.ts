import { heartbeatEvery, RECORD_SLOT, type SqlQuery } from './sql-driver.js';
import type { LeaseOutcome, LeaseRequest } from './store.js';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A lease kept in a row (name, owner, expiry), for a database without
 * advisory locks: taken when free, expired, or already ours, in one upsert;
 * renewed while `work` runs; given back (with the slot it planned) when it
 * ends. A holder killed mid-cycle keeps others out until its expiry, then
 * anyone takes over.
 */
export async function withRowLease<T>(
  db: SqlQuery,
  lease: LeaseRequest,
  work: () => Promise<T>,
): Promise<LeaseOutcome<T>> {
  const start = Date.parse(lease.now);
  const began = performance.now();
  // Renewals count from the holder's own clock, real time passing since it took the lease.
  const until = () => iso(start + (performance.now() - began) + lease.ttlMs);
  const [taken] = await db.query<{ last_slot: string | null }>(
    `INSERT INTO leases (name, owner, expires_at) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
     WHERE leases.expires_at IS NULL OR leases.expires_at <= $4 OR leases.owner = excluded.owner
     RETURNING last_slot`,
    [lease.name, lease.owner, until(), lease.now],
  );
  if (!taken) return { held: false, reason: 'busy' };
  const release = (slot: string | null) =>
    db.query(`${RECORD_SLOT} WHERE leases.owner = $2`, [lease.name, lease.owner, slot]);
  if (lease.slot !== undefined && taken.last_slot === lease.slot) {
    await release(null);
    return { held: false, reason: 'done' };
  }
  const heartbeat = setInterval(() => {
    db.query('UPDATE leases SET expires_at = $3 WHERE name = $1 AND owner = $2', [
      lease.name,
      lease.owner,
      until(),
    ]).catch(() => {
      // A missed beat is retried by the next one; the lease only lapses if they keep failing.
    });
  }, heartbeatEvery(lease.ttlMs));
  try {
    const value = await work();
    await release(lease.slot ?? null);
    return { held: true, value };
  } catch (error) {
    await release(null).catch(() => {});
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
}
