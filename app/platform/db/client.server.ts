import postgres from 'postgres';

/**
 * The one way request code reaches PostgreSQL.
 *
 * `asUser` and `asAnon` open a transaction, put the caller's claims into `request.jwt.claims` and
 * switch to the `authenticated` or `anon` role, exactly as Supabase's Data API does, so that every
 * row-level-security policy applies to our own queries. `system` is the owner connection, for
 * migrations, seeding, the identity provider, the mail sender and retention jobs only.
 */

export type Sql = postgres.Sql;
export type Tx = postgres.TransactionSql;
export type Aal = 'aal1' | 'aal2';
export type RoleName = 'member' | 'organizer' | 'admin';

/** Who is asking. Both auth adapters produce this. */
export type Identity = {
  userId: string;
  email: string;
  aal: Aal;
  roles: RoleName[];
};

export type Db = {
  asUser<T>(identity: Pick<Identity, 'userId' | 'email' | 'aal'>, fn: (tx: Tx) => Promise<T>): Promise<T>;
  asAnon<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  system: Sql;
  end(): Promise<void>;
};

export type DbOptions = {
  /** Connections in the pool. */
  max?: number;
  /** Off for a transaction-mode pooler (Supabase's port 6543), which cannot keep prepared statements. */
  prepare?: boolean;
};

export function connect(url: string, options: DbOptions = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    prepare: options.prepare ?? true,
    idle_timeout: 30,
    // Short, so that with the database unreachable a request answers 503 within seconds instead
    // of hanging (server/database-outage.ts); a healthy server connects in milliseconds.
    connect_timeout: 3,
    // postgres.js waits up to 20 s between attempts after repeated failures, and queued queries
    // wait with it; a second at most keeps an outage's answers quick and the recovery prompt.
    backoff: (retries: number) => (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** retries, 1),
    onnotice: () => {},
    connection: { application_name: 'talaka' },
  });
}

export function createDb(sql: Sql): Db {
  async function as<T>(role: 'authenticated' | 'anon', claims: object, fn: (tx: Tx) => Promise<T>) {
    return (await sql.begin(async (tx) => {
      await tx`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true),
                      set_config('role', ${role}, true)`;
      return fn(tx);
    })) as T;
  }
  return {
    asUser: (identity, fn) =>
      as(
        'authenticated',
        { sub: identity.userId, role: 'authenticated', email: identity.email, aal: identity.aal },
        fn,
      ),
    asAnon: (fn) => as('anon', { role: 'anon' }, fn),
    system: sql,
    end: () => sql.end({ timeout: 5 }),
  };
}
