import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser, openProfile } from '../support/factories';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe('requests run as the user', () => {
  it('inside asUser, auth.uid() is the signed-in user and the role is authenticated', async () => {
    const alice = await createUser(t.sql);
    const [row] = await t.db.asUser(alice, (tx) => tx`select auth.uid() as uid, current_user as role, auth.jwt() ->> 'email' as email`);
    expect(row).toEqual({ uid: alice.userId, role: 'authenticated', email: alice.email });
  });

  it('inside asAnon, there is no user and the role is anon', async () => {
    const [row] = await t.db.asAnon((tx) => tx`select auth.uid() as uid, current_user as role`);
    expect(row).toEqual({ uid: null, role: 'anon' });
  });

  it('claims do not leak from one transaction to the next on the same connection', async () => {
    const alice = await createUser(t.sql);
    await t.db.asUser(alice, (tx) => tx`select 1`);
    const [row] = await t.db.system`select auth.uid() as uid, current_user as role`;
    expect(row).toEqual({ uid: null, role: 'postgres' });
  });
});

describe('profiles as each actor', () => {
  it('a member reads and changes their own hidden profile', async () => {
    const alice = await createUser(t.sql);
    const rows = await t.db.asUser(alice, (tx) => tx`update app.profiles set display_name = 'Alesia' where id = ${alice.userId} returning display_name`);
    expect(rows).toEqual([{ display_name: 'Alesia' }]);
  });

  it("member A cannot read member B's hidden profile", async () => {
    const alice = await createUser(t.sql);
    const bob = await createUser(t.sql, { displayName: 'Bob' });
    const rows = await t.db.asUser(alice, (tx) => tx`select * from app.profiles where id = ${bob.userId}`);
    expect(rows).toHaveLength(0);
  });

  it("member A cannot change or delete member B's profile", async () => {
    const alice = await createUser(t.sql);
    const bob = await createUser(t.sql, { displayName: 'Bob' });
    const updated = await t.db.asUser(alice, (tx) => tx`update app.profiles set display_name = 'pwned' where id = ${bob.userId} returning id`);
    const deleted = await t.db.asUser(alice, (tx) => tx`delete from app.profiles where id = ${bob.userId} returning id`);
    expect(updated).toHaveLength(0);
    expect(deleted).toHaveLength(0);
    const [row] = await t.sql`select display_name from app.profiles where id = ${bob.userId}`;
    expect(row?.display_name).toBe('Bob');
  });

  it('member A cannot create a profile in B\'s name', async () => {
    const alice = await createUser(t.sql);
    const bob = await createUser(t.sql);
    await t.sql`delete from app.profiles where id = ${bob.userId}`;
    await expect(t.db.asUser(alice, (tx) => tx`insert into app.profiles (id) values (${bob.userId})`)).rejects.toThrow(/row-level security/);
  });

  it('a member reads the parts another member opened to members, and only through profile_for_viewer', async () => {
    const alice = await createUser(t.sql);
    const bob = await createUser(t.sql, { displayName: 'Bob' });
    await t.sql`update app.profiles set bio = 'Hidden bio' where id = ${bob.userId}`;
    await openProfile(t.sql, bob.userId, { identity: 'members' });
    const direct = await t.db.asUser(alice, (tx) => tx`select display_name from app.profiles where id = ${bob.userId}`);
    expect(direct).toEqual([]);
    const [row] = await t.db.asUser(alice, (tx) => tx`select app.profile_for_viewer(${bob.userId}) as profile`);
    expect(row?.profile).toEqual({ id: bob.userId, display_name: 'Bob', headline: null });
  });

  it('a visitor reads nothing, not even open profiles', async () => {
    const bob = await createUser(t.sql, { displayName: 'Bob' });
    await openProfile(t.sql, bob.userId, { identity: 'members', skills: 'members', bio: 'members' });
    await expect(t.db.asAnon((tx) => tx`select * from app.profiles`)).rejects.toThrow(/permission denied/);
    await expect(t.db.asAnon((tx) => tx`select app.profile_for_viewer(${bob.userId})`)).rejects.toThrow(/permission denied/);
  });

  it('a member cannot grant themselves a role', async () => {
    const alice = await createUser(t.sql);
    await expect(
      t.db.asUser(alice, (tx) => tx`insert into app.user_roles (user_id, role) values (${alice.userId}, 'admin')`),
    ).rejects.toThrow(/permission denied/);
  });

  it("a member sees their own roles and nobody else's", async () => {
    const alice = await createUser(t.sql);
    await createUser(t.sql, { roles: ['admin'] });
    const rows = await t.db.asUser(alice, (tx) => tx`select user_id, role from app.user_roles`);
    expect(rows).toEqual([{ user_id: alice.userId, role: 'member' }]);
  });

  it('no request role can read the mail outbox', async () => {
    const alice = await createUser(t.sql);
    await expect(t.db.asUser(alice, (tx) => tx`select * from app.mail_outbox`)).rejects.toThrow(/permission denied/);
    await expect(t.db.asAnon((tx) => tx`select * from app.mail_outbox`)).rejects.toThrow(/permission denied/);
  });
});
