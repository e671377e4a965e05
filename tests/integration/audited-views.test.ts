import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../app/platform/db/client.server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser, openProfile } from '../support/factories';
import { decodeHtml, signInAs, translation } from '../support/http-client';
import { giveVerifiedFactor, signInWithSecondFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * T1 and T3: organizers open profiles only through app.organizer_view_profile() — with the role
 * and a second factor, within a quota halved on probation, each view audited, canaries alerted —
 * and members see who viewed them. Checked in SQL, then once over HTTP.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

/** An organizer past the 30 days of probation (factories grant the role now). */
async function veteranOrganizer(options: { displayName?: string } = {}) {
  const organizer = await createUser(t.sql, { roles: ['organizer'], ...options });
  await t.sql`update app.user_roles set granted_at = now() - interval '31 days' where user_id = ${organizer.userId} and role = 'organizer'`;
  return organizer;
}

async function openMember(displayName = 'Ales') {
  const member = await createUser(t.sql, { displayName });
  await openProfile(t.sql, member.userId, { identity: 'organizers', skills: 'organizers' });
  return member;
}

const view = (who: Pick<Identity, 'userId' | 'email' | 'aal'>, target: string) =>
  t.db.asUser(who, async (tx) => (await tx`select app.organizer_view_profile(${target}::uuid) as profile`)[0]?.profile);

const events = (actor: string, action: string) =>
  t.sql`select target, detail from app.audit_events where actor = ${actor} and action = ${action} order by id`;

describe('organizers and the profile tables', () => {
  it('have no direct read on profiles, nor on the audit trail', async () => {
    const organizer = await veteranOrganizer();
    await openMember();
    const rows = await t.db
      .asUser(organizer, (tx) => tx`select id from app.profiles where id <> ${organizer.userId}`)
      .catch((error: { code?: string }) => error.code);
    expect(rows === '42501' || (Array.isArray(rows) && rows.length === 0)).toBe(true);
    for (const table of ['app.audit_events', 'app.quota_limits']) {
      await expect(t.db.asUser(organizer, (tx) => tx.unsafe(`select * from ${table}`))).rejects.toMatchObject({ code: '42501' });
    }
  });
});

describe('app.organizer_view_profile', () => {
  it('returns the open parts and writes exactly one audit row', async () => {
    const organizer = await veteranOrganizer();
    const member = await openMember('Ales');
    const profile = await view(organizer, member.userId);
    expect(profile).toMatchObject({ id: member.userId, display_name: 'Ales' });
    const rows = await events(organizer.userId, 'profile_view');
    expect(rows.map((row) => row.target)).toEqual([member.userId]);
  });

  it('does not audit a hidden profile, which returns null', async () => {
    const organizer = await veteranOrganizer();
    const hidden = await createUser(t.sql);
    expect(await view(organizer, hidden.userId)).toBeNull();
    expect(await events(organizer.userId, 'profile_view')).toHaveLength(0);
  });

  it('refuses an organizer without a second factor (aal1), and audits nothing', async () => {
    const organizer = await veteranOrganizer();
    const member = await openMember();
    await expect(view({ ...organizer, aal: 'aal1' }, member.userId)).rejects.toMatchObject({
      code: '42501',
      hint: 'audit:errors.secondFactorNeeded',
    });
    expect(await events(organizer.userId, 'profile_view')).toHaveLength(0);
  });

  it('refuses a member who is not an organizer, even with a second factor', async () => {
    const member = await createUser(t.sql);
    const other = await openMember();
    await expect(view({ ...member, aal: 'aal2' }, other.userId)).rejects.toMatchObject({ code: '42501', hint: 'audit:errors.forbidden' });
  });

  it('cannot be called by a visitor', async () => {
    const member = await openMember();
    await expect(t.db.asAnon((tx) => tx`select app.organizer_view_profile(${member.userId}::uuid)`)).rejects.toThrow(/permission denied/);
    await expect(t.db.asAnon((tx) => tx`select * from app.who_viewed_me()`)).rejects.toThrow(/permission denied/);
  });

  it('raises a canary alert when an organizer opens a canary profile', async () => {
    const organizer = await veteranOrganizer();
    const canary = await openMember('Decoy');
    await t.sql`update app.profiles set is_canary = true where id = ${canary.userId}`;
    await view(organizer, canary.userId);
    expect((await events(organizer.userId, 'canary_viewed')).map((row) => row.target)).toEqual([canary.userId]);
  });

  it('does not let a member mark their own profile as a canary', async () => {
    const member = await createUser(t.sql);
    await expect(t.db.asUser(member, (tx) => tx`update app.profiles set is_canary = true where id = ${member.userId}`)).rejects.toMatchObject({
      code: '42501',
    });
  });
});

describe('quotas', () => {
  beforeAll(async () => {
    await t.sql`update app.quota_limits set "limit" = 3 where action = 'profile_view'`;
  });
  afterAll(async () => {
    await t.sql`update app.quota_limits set "limit" = 100 where action = 'profile_view'`;
  });

  it('refuses the 4th view of 3 with the quota hint, and the app records the alert', async () => {
    const organizer = await veteranOrganizer();
    const members = [await openMember(), await openMember(), await openMember(), await openMember()];
    for (const member of members.slice(0, 3)) expect(await view(organizer, member.userId)).not.toBeNull();
    await expect(view(organizer, members[3]!.userId)).rejects.toMatchObject({ code: '23514', hint: 'quota:profile_view' });
    expect(await events(organizer.userId, 'profile_view')).toHaveLength(3);

    // The refused call was rolled back; the alert is written right after, and only when true.
    const [written] = await t.db.asUser(organizer, (tx) => tx`select app.record_quota_exceeded('profile_view', ${members[3]!.userId}::uuid) as ok`);
    expect(written?.ok).toBe(true);
    expect((await events(organizer.userId, 'quota_exceeded')).map((row) => row.target)).toEqual([members[3]!.userId]);
  });

  it('does not record a quota alert for someone within quota', async () => {
    const organizer = await veteranOrganizer();
    const [written] = await t.db.asUser(organizer, (tx) => tx`select app.record_quota_exceeded('profile_view') as ok`);
    expect(written?.ok).toBe(false);
    expect(await events(organizer.userId, 'quota_exceeded')).toHaveLength(0);
  });

  it('is halved on probation', async () => {
    const newcomer = await createUser(t.sql, { roles: ['organizer'] });
    const first = await openMember();
    const second = await openMember();
    expect(await view(newcomer, first.userId)).not.toBeNull();
    await expect(view(newcomer, second.userId)).rejects.toMatchObject({ hint: 'quota:profile_view' });
  });
});

describe('app.who_viewed_me', () => {
  it('shows the organizer and their organization, newest first, to the member viewed only', async () => {
    const organizer = await veteranOrganizer({ displayName: 'Nasta' });
    await openProfile(t.sql, organizer.userId, { identity: 'members' });
    await t.sql`
      insert into app.organizer_applications (applicant_id, organization, role_in_organization, motivation, reference, status, decided_at)
      values (${organizer.userId}, 'Belarusian House in Warsaw', 'Coordinator', 'I coordinate volunteers for the legal aid desk.', 'Ales K., board', 'approved', now())`;
    const member = await openMember();
    await view(organizer, member.userId);

    const rows = await t.db.asUser(member, (tx) => tx`select * from app.who_viewed_me()`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ organizer_name: 'Nasta', organization: 'Belarusian House in Warsaw' });

    const stranger = await createUser(t.sql);
    expect(await t.db.asUser(stranger, (tx) => tx`select * from app.who_viewed_me()`)).toHaveLength(0);
    await expect(t.db.asUser(stranger, (tx) => tx`select * from app.audit_events where target = ${member.userId}`)).rejects.toMatchObject({
      code: '42501',
    });
  });

  it('hides the organizer name when their identity is not open to the member', async () => {
    const organizer = await veteranOrganizer({ displayName: 'Hidden Name' });
    const member = await openMember();
    await view(organizer, member.userId);
    const [row] = await t.db.asUser(member, (tx) => tx`select * from app.who_viewed_me()`);
    expect(row?.organizer_name).toBeNull();
  });
});

describe('app.list_audit_events', () => {
  it('is for admins with a second factor only', async () => {
    const admin = await createUser(t.sql, { roles: ['admin'] });
    const rows = await t.db.asUser(admin, (tx) => tx`select * from app.list_audit_events(10)`);
    expect(rows.length).toBeGreaterThan(0);
    const organizer = await veteranOrganizer();
    await expect(t.db.asUser(organizer, (tx) => tx`select * from app.list_audit_events(10)`)).rejects.toMatchObject({ code: '42501' });
  });
});

describe('over HTTP', () => {
  const running = useSelfHostedApp();

  it('an organizer opens a profile; the member sees the organization on /account/viewers', async () => {
    const sql = running.database.sql;
    const organizer = await createUser(sql, { roles: ['organizer'], displayName: 'Nasta' });
    await sql`
      insert into app.organizer_applications (applicant_id, organization, role_in_organization, motivation, reference, status, decided_at)
      values (${organizer.userId}, 'Belarusian House in Warsaw', 'Coordinator', 'I coordinate volunteers for the legal aid desk.', 'Ales K., board', 'approved', now())`;
    const secret = await giveVerifiedFactor(sql, organizer.userId);
    const member = await createUser(sql, { displayName: 'Ales' });
    await openProfile(sql, member.userId, { identity: 'organizers' });

    const organizerBrowser = await signInWithSecondFactor(running.app.url, organizer.email, secret, { language: 'en' });
    const page = await organizerBrowser.get(`/people/${member.userId}`);
    expect(page.status).toBe(200);
    expect(decodeHtml(page.body)).toContain('Ales');

    const memberBrowser = await signInAs(running.app.url, member.email, { language: 'en' });
    const viewers = await memberBrowser.get('/account/viewers');
    expect(viewers.status).toBe(200);
    const text = decodeHtml(viewers.body);
    expect(text).toContain(translation('en', 'audit:viewers.title'));
    expect(text).toContain('Belarusian House in Warsaw');
    expect((await memberBrowser.get('/account')).body).toContain('href="/account/viewers"');
  });

  it('over quota, an organizer gets a translated 429 page and the alert is recorded', async () => {
    const sql = running.database.sql;
    const organizer = await createUser(sql, { roles: ['organizer'] });
    await sql`update app.user_roles set granted_at = now() - interval '31 days' where user_id = ${organizer.userId} and role = 'organizer'`;
    const secret = await giveVerifiedFactor(sql, organizer.userId);
    const member = await createUser(sql, { displayName: 'Ales' });
    await openProfile(sql, member.userId, { identity: 'organizers' });
    await sql`insert into app.audit_events (actor, action, target, at)
              select ${organizer.userId}, 'profile_view', ${member.userId}, now() - interval '1 hour' from generate_series(1, 100)`;

    const organizerBrowser = await signInWithSecondFactor(running.app.url, organizer.email, secret, { language: 'en' });
    const page = await organizerBrowser.get(`/people/${member.userId}`);
    expect(page.status).toBe(429);
    const text = decodeHtml(page.body);
    expect(text).toContain(translation('en', 'audit:quota.title'));
    expect(text).not.toContain('Ales');
    const alerts = await sql`select 1 from app.audit_events where actor = ${organizer.userId} and action = 'quota_exceeded'`;
    expect(alerts).toHaveLength(1);
  });

  it('an organizer without a second factor is asked for it, and nothing is audited', async () => {
    const sql = running.database.sql;
    const organizer = await createUser(sql, { roles: ['organizer'] });
    const member = await createUser(sql, { displayName: 'Ales' });
    await openProfile(sql, member.userId, { identity: 'organizers' });
    const atAal1 = await signInAs(running.app.url, organizer.email, { language: 'en' });
    const page = await atAal1.get(`/people/${member.userId}`);
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/auth\/second-factor\?redirectTo=/);
    expect(await sql`select 1 from app.audit_events where actor = ${organizer.userId}`).toHaveLength(0);
  });
});
