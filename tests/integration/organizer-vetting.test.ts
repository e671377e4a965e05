import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../app/platform/db/client.server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser } from '../support/factories';

/**
 * T3: an infiltrator cannot become an organizer on one admin's word. Tested in SQL as each actor:
 * applicant, member, admin without and with a second factor, a second admin.
 */
let t: TestDatabase;
let firstAdmin: Identity;
let secondAdmin: Identity;
beforeAll(async () => {
  t = await createTestDatabase();
  firstAdmin = { ...(await createUser(t.sql, { roles: ['admin'] })), aal: 'aal2' };
  secondAdmin = { ...(await createUser(t.sql, { roles: ['admin'] })), aal: 'aal2' };
});
afterAll(() => t.drop());

const application = {
  organization: 'Belarusian House in Warsaw',
  role: 'Volunteer coordinator',
  motivation: 'I coordinate volunteers and need to find translators quickly.',
  reference: 'Ales K., board member, ales@example.org',
};

async function apply(applicant: Identity) {
  const [row] = await t.db.asUser(
    applicant,
    (tx) => tx`select app.apply_to_be_organizer(${application.organization}, ${application.role},
                                                ${application.motivation}, ${application.reference}) as id`,
  );
  return row!.id as string;
}

const decide = (admin: Identity, id: string, decision: 'approve' | 'reject', note = 'checked') =>
  t.db.asUser(admin, async (tx) => {
    const [row] = await tx`select app.decide_organizer_application(${id}, ${decision}, ${note}) as status`;
    return row!.status as string;
  });

const rolesOf = async (userId: string) =>
  (await t.sql`select role from app.user_roles where user_id = ${userId} order by role`).map((row) => row.role);

const statusOf = async (id: string) => (await t.sql`select status from app.organizer_applications where id = ${id}`)[0]!.status;

describe('applying', () => {
  it('the applicant reads their own application, another member does not', async () => {
    const applicant = await createUser(t.sql);
    const other = await createUser(t.sql);
    const id = await apply(applicant);
    const own = await t.db.asUser(applicant, (tx) => tx`select id, status from app.organizer_applications`);
    expect(own).toEqual([{ id, status: 'pending' }]);
    const others = await t.db.asUser(other, (tx) => tx`select id from app.organizer_applications`);
    expect(others).toEqual([]);
  });

  it('one pending application per person', async () => {
    const applicant = await createUser(t.sql);
    await apply(applicant);
    await expect(apply(applicant)).rejects.toMatchObject({ hint: 'organizers:errors.alreadyPending' });
  });

  it('the applicant withdraws their own, and nobody else can', async () => {
    const applicant = await createUser(t.sql);
    const stranger = await createUser(t.sql);
    const id = await apply(applicant);
    const [byStranger] = await t.db.asUser(stranger, (tx) => tx`select app.withdraw_organizer_application(${id}) as done`);
    expect(byStranger!.done).toBe(false);
    const [byApplicant] = await t.db.asUser(applicant, (tx) => tx`select app.withdraw_organizer_application(${id}) as done`);
    expect(byApplicant!.done).toBe(true);
    expect(await statusOf(id)).toBe('withdrawn');
  });
});

describe('two different admins must approve', () => {
  it('one admin approving twice does not grant the role', async () => {
    const applicant = await createUser(t.sql);
    const id = await apply(applicant);
    expect(await decide(firstAdmin, id, 'approve')).toBe('pending');
    expect(await decide(firstAdmin, id, 'approve')).toBe('pending');
    expect(await rolesOf(applicant.userId)).toEqual(['member']);
    expect(await statusOf(id)).toBe('pending');
  });

  it('a second, different admin grants it, and the grant is logged', async () => {
    const applicant = await createUser(t.sql);
    const id = await apply(applicant);
    await decide(firstAdmin, id, 'approve');
    expect(await decide(secondAdmin, id, 'approve')).toBe('approved');
    expect(await rolesOf(applicant.userId)).toEqual(['member', 'organizer']);
    const log = await t.sql`select actor_id, role, change from app.role_changes where user_id = ${applicant.userId}`;
    expect(log).toEqual([{ actor_id: secondAdmin.userId, role: 'organizer', change: 'granted' }]);
    // The new organizer sees their own log row; the queue no longer lists the application.
    const own = await t.db.asUser(applicant, (tx) => tx`select change from app.role_changes`);
    expect(own).toEqual([{ change: 'granted' }]);
    const queue = await t.db.asUser(firstAdmin, (tx) => tx`select id from app.list_organizer_applications()`);
    expect(queue.map((row) => row.id)).not.toContain(id);
  });

  it('the queue shows each application with the decisions so far', async () => {
    const applicant = await createUser(t.sql);
    const id = await apply(applicant);
    await decide(firstAdmin, id, 'approve', 'I know this organization');
    const queue = await t.db.asUser(secondAdmin, (tx) => tx`select * from app.list_organizer_applications()`);
    const entry = queue.find((row) => row.id === id)!;
    expect(entry).toMatchObject({ applicant_email: applicant.email, organization: application.organization, reference: application.reference });
    expect(entry.approvals).toMatchObject([{ adminId: firstAdmin.userId, decision: 'approve', note: 'I know this organization' }]);
  });

  it('one rejection rejects', async () => {
    const applicant = await createUser(t.sql);
    const id = await apply(applicant);
    await decide(firstAdmin, id, 'approve');
    expect(await decide(secondAdmin, id, 'reject', 'nobody could vouch')).toBe('rejected');
    expect(await statusOf(id)).toBe('rejected');
    expect(await rolesOf(applicant.userId)).toEqual(['member']);
    await expect(decide(firstAdmin, id, 'approve')).rejects.toMatchObject({ hint: 'admin:errors.alreadyDecided' });
  });

  it('an admin cannot decide on their own application', async () => {
    const adminApplicant = { ...(await createUser(t.sql, { roles: ['admin'] })), aal: 'aal2' as const };
    const id = await apply(adminApplicant);
    await expect(decide(adminApplicant, id, 'approve')).rejects.toMatchObject({ hint: 'admin:errors.ownApplication' });
  });
});

describe('refused', () => {
  it('an admin signed in without a second factor (aal1)', async () => {
    const applicant = await createUser(t.sql);
    const id = await apply(applicant);
    const atAal1 = { ...firstAdmin, aal: 'aal1' as const };
    await expect(decide(atAal1, id, 'approve')).rejects.toMatchObject({ code: '42501', hint: 'admin:errors.secondFactorNeeded' });
    await expect(t.db.asUser(atAal1, (tx) => tx`select * from app.list_organizer_applications()`)).rejects.toMatchObject({ code: '42501' });
    await expect(t.db.asUser(atAal1, (tx) => tx`select app.revoke_role(${applicant.userId}, 'organizer', 'x')`)).rejects.toMatchObject({
      code: '42501',
    });
    const atAal1Log = await t.db.asUser(atAal1, (tx) => tx`select id from app.role_changes where user_id <> ${atAal1.userId}`);
    expect(atAal1Log).toEqual([]);
  });

  it('a member, even with a second factor, cannot call admin functions', async () => {
    const member = { ...(await createUser(t.sql)), aal: 'aal2' as const };
    const applicant = await createUser(t.sql);
    const id = await apply(applicant);
    await expect(decide(member, id, 'approve')).rejects.toMatchObject({ code: '42501', hint: 'admin:errors.forbidden' });
    const calls = [
      () => t.db.asUser(member, (tx) => tx`select * from app.list_organizer_applications()`),
      () => t.db.asUser(member, (tx) => tx`select * from app.list_role_holders()`),
      () => t.db.asUser(member, (tx) => tx`select * from app.list_role_changes()`),
      () => t.db.asUser(member, (tx) => tx`select app.revoke_role(${firstAdmin.userId}, 'admin', 'coup')`),
    ];
    for (const call of calls) await expect(call()).rejects.toMatchObject({ code: '42501' });
  });

  it('a member cannot write roles, approvals, applications or the log directly', async () => {
    const member = { ...(await createUser(t.sql)), aal: 'aal2' as const };
    const applicant = await createUser(t.sql);
    const id = await apply(applicant);
    const attempts = [
      () => t.db.asUser(member, (tx) => tx`insert into app.user_roles (user_id, role) values (${member.userId}, 'organizer')`),
      () => t.db.asUser(member, (tx) => tx`insert into app.organizer_approvals (application_id, admin_id, decision) values (${id}, ${member.userId}, 'approve')`),
      () => t.db.asUser(member, (tx) => tx`select * from app.organizer_approvals`),
      () => t.db.asUser(applicant, (tx) => tx`update app.organizer_applications set status = 'approved' where id = ${id}`),
      () => t.db.asUser(member, (tx) => tx`insert into app.role_changes (user_id, role, change, reason) values (${member.userId}, 'admin', 'granted', 'x')`),
      () => t.db.asUser(member, (tx) => tx`delete from app.role_changes`),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toThrow(/permission denied/);
    expect(await rolesOf(member.userId)).toEqual(['member']);
  });

  it('a visitor cannot apply or call any of these functions', async () => {
    await expect(t.db.asAnon((tx) => tx`select app.apply_to_be_organizer('a', 'b', 'c', 'd')`)).rejects.toThrow(/permission denied/);
    await expect(t.db.asAnon((tx) => tx`select app.quota_factor()`)).rejects.toThrow(/permission denied/);
  });
});

describe('revoking', () => {
  it('an admin revokes an organizer role, and the revocation is logged with its reason', async () => {
    const organizer = await createUser(t.sql, { roles: ['organizer'] });
    await t.db.asUser(firstAdmin, (tx) => tx`select app.revoke_role(${organizer.userId}, 'organizer', 'left the organization')`);
    expect(await rolesOf(organizer.userId)).toEqual(['member']);
    const log = await t.db.asUser(secondAdmin, (tx) => tx`select user_email, change, reason from app.list_role_changes() where user_email = ${organizer.email}`);
    expect(log).toEqual([{ user_email: organizer.email, change: 'revoked', reason: 'left the organization' }]);
  });

  it('an admin cannot revoke their own admin role, but can revoke another admin', async () => {
    const thirdAdmin = await createUser(t.sql, { roles: ['admin'] });
    await expect(
      t.db.asUser(firstAdmin, (tx) => tx`select app.revoke_role(${firstAdmin.userId}, 'admin', 'tired')`),
    ).rejects.toMatchObject({ hint: 'admin:errors.ownAdminRole' });
    await t.db.asUser(firstAdmin, (tx) => tx`select app.revoke_role(${thirdAdmin.userId}, 'admin', 'rotation')`);
    expect(await rolesOf(thirdAdmin.userId)).toEqual(['member']);
  });

  it('nobody revokes membership', async () => {
    const member = await createUser(t.sql);
    await expect(
      t.db.asUser(firstAdmin, (tx) => tx`select app.revoke_role(${member.userId}, 'member', 'x')`),
    ).rejects.toMatchObject({ hint: 'admin:errors.cannotRevokeMember' });
  });
});

describe('probation', () => {
  it("halves a new organizer's quotas for 30 days", async () => {
    const applicant = { ...(await createUser(t.sql)), aal: 'aal2' as const };
    const id = await apply(applicant);
    await decide(firstAdmin, id, 'approve');
    await decide(secondAdmin, id, 'approve');
    const factor = async () => (await t.db.asUser(applicant, (tx) => tx`select app.quota_factor()::float8 as f`))[0]!.f;
    expect(await factor()).toBe(0.5);
    await t.sql`update app.user_roles set granted_at = now() - interval '31 days' where user_id = ${applicant.userId} and role = 'organizer'`;
    expect(await factor()).toBe(1);
  });

  it('a member who is not an organizer has factor 1', async () => {
    const member = await createUser(t.sql);
    const [row] = await t.db.asUser(member, (tx) => tx`select app.quota_factor()::float8 as f`);
    expect(row!.f).toBe(1);
  });
});
