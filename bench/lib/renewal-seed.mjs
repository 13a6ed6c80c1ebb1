// Setup of the renewals bench (not measured): `count` more customers, each
// with a subscription due at the same moment as a template one bought over
// HTTP, in SQL, as the product would have made them: its own customer row,
// its own account holder at the payment emulator (linked to the customer as
// Medusa links them) listing its own saved card, and a subscription naming
// that card and account holder.
import pg from "pg"

export async function withDatabase(databaseUrl, work) {
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  try {
    return await work(db)
  } finally {
    await db.end()
  }
}

async function columnsOf(db, table, except) {
  const { rows } = await db.query(
    `select column_name from information_schema.columns where table_name = $1 and table_schema = current_schema()`,
    [table]
  )
  return rows.map((r) => r.column_name).filter((c) => !except.includes(c))
}

/** `insert into table (overridden..., copied...) select overrides..., t.copied... from table t, generate_series(1, $2) g where t.id = $1` */
async function copyRows(db, table, templateId, count, overrides) {
  const copied = await columnsOf(db, table, Object.keys(overrides))
  const columns = [...Object.keys(overrides), ...copied].map((c) => `"${c}"`).join(", ")
  const values = [...Object.values(overrides), ...copied.map((c) => `t."${c}"`)].join(", ")
  await db.query(
    `insert into "${table}" (${columns}) select ${values} from "${table}" t, generate_series(1, $2) g where t.id = $1`,
    [templateId, count]
  )
}

/**
 * Copies the template subscription's customer, account holder (with one
 * saved card of the same emulator behaviour, a new id) and subscription
 * `count` times. Returns how many auto-renewing subscriptions exist then.
 */
export async function cloneSubscriptions(databaseUrl, templateId, count) {
  return withDatabase(databaseUrl, async (db) => {
    const {
      rows: [template],
    } = await db.query(`select customer_id, account_holder_id, payment_method from subscription where id = $1`, [templateId])
    if (!template?.account_holder_id || !template.payment_method) {
      throw new Error(`the template subscription ${templateId} has no saved card`)
    }
    const n = `lpad(g::text, 6, '0')`
    // the emulator reads the behaviour from the card id (emupm_<behaviour>_<suffix>)
    const card = `regexp_replace('${template.payment_method.id.replace(/'/g, "''")}', '_[A-Za-z0-9]+$', '_RB' || ${n})`
    await db.query("begin")
    await copyRows(db, "customer", template.customer_id, count, {
      id: `'cus_renewal_bench_' || ${n}`,
      email: `'renewal-bench-' || ${n} || '@bench.local'`,
      created_at: "now()",
      updated_at: "now()",
    })
    await copyRows(db, "account_holder", template.account_holder_id, count, {
      id: `'acchld_renewal_bench_' || ${n}`,
      external_id: `'emucus_RB' || ${n}`,
      email: `'renewal-bench-' || ${n} || '@bench.local'`,
      data: `jsonb_build_object('id', 'emucus_RB' || ${n}, 'email', 'renewal-bench-' || ${n} || '@bench.local',
        'payment_methods', jsonb_build_array(coalesce(t.data->'payment_methods'->0, '{}'::jsonb) || jsonb_build_object('id', ${card})))`,
      created_at: "now()",
      updated_at: "now()",
    })
    await db.query(
      `insert into customer_account_holder (id, customer_id, account_holder_id, created_at, updated_at)
       select 'custacchldr_renewal_bench_' || ${n}, 'cus_renewal_bench_' || ${n}, 'acchld_renewal_bench_' || ${n}, now(), now()
       from generate_series(1, $1) g`,
      [count]
    )
    await copyRows(db, "subscription", templateId, count, {
      id: `'sub_renewal_bench_' || ${n}`,
      customer_id: `'cus_renewal_bench_' || ${n}`,
      account_holder_id: `'acchld_renewal_bench_' || ${n}`,
      payment_method: `jsonb_set(t.payment_method, '{id}', to_jsonb(${card}))`,
      created_at: "now()",
      updated_at: "now()",
    })
    await db.query("commit")
    await db.query("analyze customer; analyze account_holder; analyze customer_account_holder; analyze subscription")
    return (await db.query(`select count(*)::int as n from subscription where auto_renew and status = 'active'`)).rows[0].n
  })
}

/** What the money and the records add up to (compared before and after the pass). */
export function paymentCounts(databaseUrl) {
  return withDatabase(databaseUrl, async (db) => {
    const { rows: [row] } = await db.query(`select
        (select count(*)::int from payment) as payments,
        (select count(*)::int from capture) as captures,
        (select count(*)::int from refund) as refunds,
        (select count(*)::int from purchase where kind = 'renewal') as renewals,
        (select count(distinct subscription_id)::int from purchase where kind = 'renewal') as renewed_subscriptions,
        (select count(*)::int from purchase where kind = 'renewal' and status = 'completed') as completed,
        (select count(*)::int from purchase where kind = 'renewal' and order_id is not null) as orders`)
    return row
  })
}
