// The SQL side of cross-order detection (docs/scaling.md), shared by cross-order.mjs and
// bench/cross-order.mjs: the table of crossOrderKeys rows, the upsert, the GROUP BY with the
// window, and a connection to PGlite (default) or PostgreSQL (DATABASE_URL).

/** The table: one row per key an order contributes, replaced when a later copy of the order arrives. */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS cross_order_keys (
  kind             text        NOT NULL,
  key              text        NOT NULL,
  value            text        NOT NULL,
  order_id         text        NOT NULL,
  account_id       text        NOT NULL,
  at               timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  currency         text        NOT NULL,
  unshipped        boolean     NOT NULL,
  coupon_kinds     jsonb       NOT NULL,
  batch_keys_taken jsonb       NOT NULL,
  PRIMARY KEY (order_id, kind)
);
CREATE INDEX IF NOT EXISTS cross_order_keys_key_at ON cross_order_keys (key, at);
TRUNCATE cross_order_keys;`;

/** Upserts rows: a later copy of an order (updated_at) replaces its keys, an earlier one is ignored. */
export const INSERT = `
INSERT INTO cross_order_keys
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::text[], $9::boolean[], $10::jsonb[], $11::jsonb[])
ON CONFLICT (order_id, kind) DO UPDATE SET
  key = excluded.key, value = excluded.value, account_id = excluded.account_id, at = excluded.at, updated_at = excluded.updated_at,
  currency = excluded.currency, unshipped = excluded.unshipped, coupon_kinds = excluded.coupon_kinds, batch_keys_taken = excluded.batch_keys_taken
WHERE excluded.updated_at >= cross_order_keys.updated_at`;

/**
 * The groups worth detecting on: the keys of orders created in the window ending at $1 ($2 hours
 * long) that at least $3 orders share (the smallest threshold of the cross-order detectors: a
 * group with fewer orders makes no finding). Each group's rows come back as detectCrossOrder reads them.
 */
export const GROUPS = `
SELECT key, json_agg(json_build_object(
         'kind', kind, 'key', key, 'value', value, 'orderId', order_id, 'accountId', account_id,
         'at', at, 'updatedAt', updated_at, 'currency', currency, 'unshipped', unshipped,
         'couponKinds', coupon_kinds, 'batchKeysTaken', batch_keys_taken)) AS rows
FROM cross_order_keys
WHERE at >= $1::timestamptz - make_interval(hours => $2) AND at <= $1::timestamptz
  AND key > $4
GROUP BY key
HAVING count(*) >= $3
ORDER BY key
LIMIT $5`;

/** A connection with one `query(sql, params)` returning rows, whichever the engine. */
export async function connect() {
  if (process.env.DATABASE_URL) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    return { name: 'PostgreSQL', query: async (sql, params) => (await client.query(sql, params)).rows, exec: (sql) => client.query(sql), close: () => client.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite();
  return { name: 'PGlite', query: async (sql, params) => (await db.query(sql, params)).rows, exec: (sql) => db.exec(sql), close: () => db.close() };
}

/** Loads rows of crossOrderKeys (an iterable of arrays of rows, one per order), `chunkSize` rows per statement; returns how many rows, and the milliseconds spent in the database. */
export async function loadKeys(db, keysOfOrders, chunkSize = 5_000) {
  let rows = 0;
  let insertMs = 0;
  let chunk = [];
  const flush = async () => {
    const columns = Array.from({ length: 11 }, () => []);
    for (const r of chunk) {
      const values = [r.kind, r.key, r.value, r.orderId, r.accountId, r.at, r.updatedAt, r.currency, r.unshipped, JSON.stringify(r.couponKinds), JSON.stringify(r.batchKeysTaken)];
      values.forEach((v, i) => columns[i].push(v));
    }
    const t = performance.now();
    await db.query(INSERT, columns);
    insertMs += performance.now() - t;
    rows += chunk.length;
    chunk = [];
  };
  for (const keys of keysOfOrders) {
    for (const row of keys) chunk.push(row);
    if (chunk.length >= chunkSize) await flush();
  }
  if (chunk.length > 0) await flush();
  return { rows, insertMs };
}

/**
 * The groups worth detecting on at `now`, as `{ key, rows }`: the SQL does the shuffle. `after`
 * and `limit` page through them by key (keyset pagination), so a caller holds one page at a time.
 */
export async function groupsAt(db, now, batch, { after = '', limit = 1_000_000, minOrders } = {}) {
  const min = minOrders ?? Math.min(batch.minAccounts, batch.minCouponRedemptions, batch.rapidRepeatOrders);
  return db.query(GROUPS, [new Date(now).toISOString(), batch.windowHours, min, after, limit]);
}
