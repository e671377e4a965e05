import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser, openProfile } from '../support/factories';

/** T4: organizer and admin powers need the role and a second factor, checked in SQL. */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe('app.has_power', () => {
  it('is false for an organizer signed in with a password only (aal1)', async () => {
    const organizer = await createUser(t.sql, { roles: ['organizer'] });
    const [row] = await t.db.asUser({ ...organizer, aal: 'aal1' }, (tx) => tx`select app.has_power('organizer') as power`);
    expect(row?.power).toBe(false);
  });

  it('is true for the same organizer with a second factor (aal2)', async () => {
    const organizer = await createUser(t.sql, { roles: ['organizer'] });
    const [row] = await t.db.asUser({ ...organizer, aal: 'aal2' }, (tx) => tx`select app.has_power('organizer') as power`);
    expect(row?.power).toBe(true);
  });

  it('is false for a member with a second factor but without the role', async () => {
    const member = await createUser(t.sql);
    const [row] = await t.db.asUser({ ...member, aal: 'aal2' }, (tx) => tx`select app.has_power('admin') as power`);
    expect(row?.power).toBe(false);
  });

  it('cannot be called by a visitor', async () => {
    await expect(t.db.asAnon((tx) => tx`select app.has_power('admin')`)).rejects.toThrow(/permission denied/);
  });
});

describe('parts opened to organizers', () => {
  it('are seen by an organizer with a second factor, not by one with a password only', async () => {
    const owner = await createUser(t.sql, { displayName: 'Kastus' });
    await openProfile(t.sql, owner.userId, { identity: 'organizers' });
    const organizer = await createUser(t.sql, { roles: ['organizer'] });
    const view = (aal: 'aal1' | 'aal2') =>
      t.db.asUser({ ...organizer, aal }, (tx) => tx`select app.profile_for_viewer(${owner.userId}) as profile`);
    expect((await view('aal1'))[0]?.profile).toBeNull();
    expect((await view('aal2'))[0]?.profile).toMatchObject({ display_name: 'Kastus' });
  });
});
