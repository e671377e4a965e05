import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../app/platform/db/client.server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser, openProfile } from '../support/factories';

/**
 * Admin oversight in SQL, as each actor: the audit trail, alerts and their acknowledgement,
 * canary profiles and quota limits are for admins with a second factor only (T1, T3, T4).
 */
let t: TestDatabase;
let admin: Identity;
let otherAdmin: Identity;
beforeAll(async () => {
  t = await createTestDatabase();
  admin = await createUser(t.sql, { roles: ['admin'] });
  otherAdmin = await createUser(t.sql, { roles: ['admin'] });
});
afterAll(() => t.drop());

/** An organizer past probation, named, with an approved application for an organization. */
async function veteranOrganizer(displayName = 'Nasta', organization = 'Belarusian House') {
  const organizer = await createUser(t.sql, { roles: ['organizer'], displayName });
  await t.sql`update app.user_roles set granted_at = now() - interval '31 days' where user_id = ${organizer.userId} and role = 'organizer'`;
  await t.sql`
    insert into app.organizer_applications (applicant_id, organization, role_in_organization, motivation, reference, status, decided_at)
    values (${organizer.userId}, ${organization}, 'Coordinator', ${'m'.repeat(30)}, 'Someone who knows', 'approved', now())`;
  return organizer;
}

async function openMember(displayName = 'Ales') {
  const member = await createUser(t.sql, { displayName });
  await openProfile(t.sql, member.userId, { identity: 'organizers', skills: 'organizers' });
  return member;
}

const as = <T>(who: Pick<Identity, 'userId' | 'email' | 'aal'>, query: (tx: Parameters<Parameters<TestDatabase['db']['asUser']>[1]>[0]) => Promise<T>) =>
  t.db.asUser(who, query);

const view = (organizer: Identity, target: string) =>
  as(organizer, async (tx) => (await tx`select app.organizer_view_profile(${target}::uuid) as profile`)[0]?.profile);

const createCanary = (who: Pick<Identity, 'userId' | 'email' | 'aal'>, name = 'Mikola Dubrouski', skills = ['backend-development', 'data-analysis']) =>
  as(who, async (tx) => {
    const [row] = await tx`select app.create_canary_profile(${name}, 'Backend developer', 'vilnius', ${skills}, 'planted in the Vilnius chat') as id`;
    return row!.id as string;
  });

/** Every admin function, called with harmless arguments, for the refusal tests. */
const adminCalls: Array<[string, (tx: Parameters<Parameters<TestDatabase['db']['asUser']>[1]>[0]) => Promise<unknown>]> = [
  ['browse_audit_events', (tx) => tx`select * from app.browse_audit_events()`],
  ['list_alerts', (tx) => tx`select * from app.list_alerts(false)`],
  ['count_open_alerts', (tx) => tx`select app.count_open_alerts()`],
  ['acknowledge_alert', (tx) => tx`select app.acknowledge_alert(1)`],
  ['list_abuse_report_alerts', (tx) => tx`select * from app.list_abuse_report_alerts(false)`],
  ['acknowledge_abuse_report', (tx) => tx`select app.acknowledge_abuse_report(1)`],
  ['list_quota_limits', (tx) => tx`select * from app.list_quota_limits()`],
  ['set_quota_limit', (tx) => tx`select app.set_quota_limit('search', 5, interval '1 hour')`],
  ['list_quota_changes', (tx) => tx`select * from app.list_quota_changes()`],
  ['create_canary_profile', (tx) => tx`select app.create_canary_profile('Decoy Name', null, 'vilnius', ${['data-analysis']})`],
  ['list_canaries', (tx) => tx`select * from app.list_canaries()`],
  ['retire_canary', (tx) => tx`select app.retire_canary(gen_random_uuid())`],
];

describe('who may oversee', () => {
  it.each(adminCalls)('%s refuses an admin without a second factor (aal1)', async (_name, call) => {
    await expect(as({ ...admin, aal: 'aal1' }, call)).rejects.toMatchObject({ code: '42501', hint: 'admin:errors.secondFactorNeeded' });
  });

  it.each(adminCalls)('%s refuses an organizer and a member, even with a second factor', async (_name, call) => {
    const organizer = await veteranOrganizer();
    const member = await createUser(t.sql);
    await expect(as(organizer, call)).rejects.toMatchObject({ code: '42501', hint: 'admin:errors.forbidden' });
    await expect(as({ ...member, aal: 'aal2' }, call)).rejects.toMatchObject({ code: '42501', hint: 'admin:errors.forbidden' });
  });

  it('nobody but the definer functions reads the new tables', async () => {
    for (const table of ['app.alert_acknowledgements', 'app.quota_changes', 'app.canary_accounts']) {
      await expect(as(admin, (tx) => tx.unsafe(`select * from ${table}`))).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('a visitor cannot call them at all', async () => {
    await expect(t.db.asAnon((tx) => tx`select * from app.browse_audit_events()`)).rejects.toThrow(/permission denied/);
  });
});

describe('the audit trail', () => {
  it('lists views newest first with the organizer, organization and member named', async () => {
    const organizer = await veteranOrganizer('Nasta Trail', 'Trail House');
    const first = await openMember('Ales First');
    const second = await openMember('Hanna Second');
    await view(organizer, first.userId);
    await view(organizer, second.userId);
    const rows = await as(admin, (tx) => tx`select * from app.browse_audit_events(actor_query => ${organizer.email})`);
    expect(rows.map((row) => [row.action, row.target_name])).toEqual([
      ['profile_view', 'Hanna Second'],
      ['profile_view', 'Ales First'],
    ]);
    expect(rows[0]).toMatchObject({ actor_email: organizer.email, actor_name: 'Nasta Trail', actor_organization: 'Trail House' });
  });

  it('filters by action, by part of a name, and by time, and pages without skipping rows of one moment', async () => {
    const organizer = await veteranOrganizer('Zmicier Filter');
    const members = [await openMember(), await openMember(), await openMember()];
    // Three rows written at one instant: a time-only cursor would lose some.
    await t.sql`insert into app.audit_events (at, actor, action, target)
                select '2026-01-01T10:00:00Z', ${organizer.userId}, 'profile_view', unnest(${members.map((m) => m.userId)}::uuid[])`;
    const byName = (extra: { before_at?: string; before_id?: number; from_at?: string; until_at?: string } = {}) =>
      as(admin, (tx) => tx`select id, at from app.browse_audit_events(
        wanted_action => 'profile_view', actor_query => 'zmicier filter',
        from_at => ${extra.from_at ?? null}, until_at => ${extra.until_at ?? null},
        before_at => ${extra.before_at ?? null}, before_id => ${extra.before_id ?? null}, max_rows => 2)`);
    const page1 = await byName();
    expect(page1).toHaveLength(2);
    const last = page1[1]!;
    const page2 = await byName({ before_at: (last.at as Date).toISOString(), before_id: Number(last.id) });
    expect(page2).toHaveLength(1);
    expect(new Set([...page1, ...page2].map((row) => String(row.id))).size).toBe(3);
    expect(await byName({ from_at: '2026-01-02T00:00:00Z' })).toHaveLength(0);
    expect(await byName({ from_at: '2026-01-01T00:00:00Z', until_at: '2026-01-02T00:00:00Z' })).toHaveLength(2);
    const searches = await as(admin, (tx) => tx`select 1 from app.browse_audit_events(wanted_action => 'search', actor_query => 'zmicier filter')`);
    expect(searches).toHaveLength(0);
  });
});

describe('canaries and alerts', () => {
  it('an admin creates a canary that organizers see like any member, and opening it raises an alert', async () => {
    const canary = await createCanary(admin);
    const [account] = await t.sql`select email, encrypted_password, email_confirmed_at from auth.users where id = ${canary}`;
    expect(account!.email).toMatch(/^canary-[0-9a-f]{20}@canary\.invalid$/);
    expect(account!.encrypted_password).toBe('');

    const organizer = await veteranOrganizer('Harvester');
    const profile = await view(organizer, canary);
    expect(profile).toMatchObject({ display_name: 'Mikola Dubrouski', city_id: 'vilnius' });
    expect(profile).not.toHaveProperty('is_canary');

    const open = await as(admin, (tx) => tx`select * from app.list_alerts(false)`);
    const alert = open.find((row) => row.target === canary);
    expect(alert).toMatchObject({ action: 'canary_viewed', actor_email: organizer.email, target_name: 'Mikola Dubrouski', target_is_canary: true });
    const [listed] = (await as(admin, (tx) => tx`select * from app.list_canaries()`)).filter((row) => row.user_id === canary);
    expect(listed).toMatchObject({ views: 1, created_by_email: admin.email, note: 'planted in the Vilnius chat', is_decoy_account: true });
  });

  it('refuses a canary without a name, a known city or skills, with translated hints', async () => {
    await expect(createCanary(admin, ' ')).rejects.toMatchObject({ hint: 'admin:errors.canaryName' });
    await expect(createCanary(admin, 'Good Name', [])).rejects.toMatchObject({ hint: 'admin:errors.canarySkills' });
    await expect(createCanary(admin, 'Good Name', ['no-such-skill'])).rejects.toMatchObject({ hint: 'admin:errors.canarySkills' });
    await expect(
      as(admin, (tx) => tx`select app.create_canary_profile('Good Name', null, 'atlantis', ${['data-analysis']})`),
    ).rejects.toMatchObject({ hint: 'admin:errors.canaryCity' });
  });

  it('the canary cannot sign in: its account has no password', async () => {
    const canary = await createCanary(admin);
    const [row] = await t.sql`select encrypted_password from auth.users where id = ${canary}`;
    expect(row!.encrypted_password).toBe('');
  });

  it('an admin acknowledges an alert once; the other admin sees who did', async () => {
    const canary = await createCanary(admin, 'Acked Canary');
    const organizer = await veteranOrganizer();
    await view(organizer, canary);
    const [alert] = (await as(admin, (tx) => tx`select id from app.list_alerts(false)`)).filter(Boolean);
    const openBefore = (await as(admin, (tx) => tx`select app.count_open_alerts() as n`))[0]!.n as number;
    const [first] = await as(admin, (tx) => tx`select app.acknowledge_alert(${alert!.id}) as done`);
    expect(first!.done).toBe(true);
    const [again] = await as(otherAdmin, (tx) => tx`select app.acknowledge_alert(${alert!.id}) as done`);
    expect(again!.done).toBe(false);
    const acknowledged = await as(otherAdmin, (tx) => tx`select * from app.list_alerts(true)`);
    expect(acknowledged.find((row) => String(row.id) === String(alert!.id))).toMatchObject({ acknowledged_by_email: admin.email });
    expect((await as(admin, (tx) => tx`select app.count_open_alerts() as n`))[0]!.n).toBe(openBefore - 1);
  });

  it('refuses to acknowledge a row that is not an alert', async () => {
    const organizer = await veteranOrganizer();
    const member = await openMember();
    await view(organizer, member.userId);
    const [row] = await t.sql`select id from app.audit_events where actor = ${organizer.userId} and action = 'profile_view'`;
    await expect(as(admin, (tx) => tx`select app.acknowledge_alert(${row!.id})`)).rejects.toMatchObject({ hint: 'admin:errors.alertNotFound' });
  });

  it('abuse reports are alerts too: listed without the reporter, acknowledged once', async () => {
    const organizer = await veteranOrganizer('Spammer', 'Spam House');
    const member = await createUser(t.sql);
    const [report] = await t.sql`
      insert into app.abuse_reports (reporter_id, organizer_id, message, reason)
      values (${member.userId}, ${organizer.userId}, 'Send me your passport', 'asks for documents') returning id`;
    const open = await as(admin, (tx) => tx`select * from app.list_abuse_report_alerts(false)`);
    const listed = open.find((row) => String(row.id) === String(report!.id));
    expect(listed).toMatchObject({ organizer_email: organizer.email, organizer_name: 'Spammer', organization: 'Spam House', reason: 'asks for documents' });
    expect(JSON.stringify(listed)).not.toContain(member.userId);
    const [done] = await as(admin, (tx) => tx`select app.acknowledge_abuse_report(${report!.id}) as done`);
    expect(done!.done).toBe(true);
    const [again] = await as(otherAdmin, (tx) => tx`select app.acknowledge_abuse_report(${report!.id}) as done`);
    expect(again!.done).toBe(false);
    const acknowledged = await as(admin, (tx) => tx`select * from app.list_abuse_report_alerts(true)`);
    expect(acknowledged.find((row) => String(row.id) === String(report!.id))).toMatchObject({ acknowledged_by_email: admin.email });
  });

  it('retiring a decoy unmarks it and hides it again; a marked real member is only unmarked', async () => {
    const canary = await createCanary(admin, 'Retired Canary');
    await as(admin, (tx) => tx`select app.retire_canary(${canary})`);
    const organizer = await veteranOrganizer();
    expect(await view(organizer, canary)).toBeNull();
    const member = await openMember('Real Person');
    await as(admin, (tx) => tx`select app.set_canary(${member.userId}, true)`);
    await as(admin, (tx) => tx`select app.retire_canary(${member.userId})`);
    expect(await view(organizer, member.userId)).toMatchObject({ display_name: 'Real Person' });
    await expect(as(admin, (tx) => tx`select app.retire_canary(${member.userId})`)).rejects.toMatchObject({ hint: 'admin:errors.canaryNotFound' });
  });
});

describe('quotas', () => {
  it('lists every quota with its interval', async () => {
    const rows = await as(admin, (tx) => tx`select action, "limit", per_interval from app.list_quota_limits()`);
    expect(rows).toEqual(expect.arrayContaining([{ action: 'profile_view', limit: 100, per_interval: 'day' }, { action: 'search', limit: 60, per_interval: 'hour' }]));
  });

  it('a changed quota stops the very next organizer call, and the change is logged', async () => {
    const organizer = await veteranOrganizer();
    const members = [await openMember(), await openMember()];
    const [changed] = await as(admin, (tx) => tx`select app.set_quota_limit('profile_view', 1, interval '1 week') as done`);
    try {
      expect(changed!.done).toBe(true);
      expect(await view(organizer, members[0]!.userId)).not.toBeNull();
      await expect(view(organizer, members[1]!.userId)).rejects.toMatchObject({ hint: 'quota:profile_view' });
      const [logged] = await as(admin, (tx) => tx`select * from app.list_quota_changes(1)`);
      expect(logged).toMatchObject({ actor_email: admin.email, action: 'profile_view', old_limit: 100, old_interval: 'day', new_limit: 1, new_interval: 'week' });
      const [shown] = (await as(admin, (tx) => tx`select * from app.list_quota_limits()`)).filter((row) => row.action === 'profile_view');
      expect(shown).toMatchObject({ limit: 1, per_interval: 'week', changed_by_email: admin.email });
    } finally {
      await t.sql`update app.quota_limits set "limit" = 100, per_interval = interval '1 day' where action = 'profile_view'`;
    }
  });

  it('refuses limits out of range, other intervals and unknown actions; an unchanged value logs nothing', async () => {
    const set = (action: string, limit: number, interval: string) =>
      as(admin, (tx) => tx`select app.set_quota_limit(${action}, ${limit}, ${interval}::interval) as done`);
    await expect(set('search', 0, '1 hour')).rejects.toMatchObject({ hint: 'admin:errors.quotaLimitRange' });
    await expect(set('search', 100001, '1 hour')).rejects.toMatchObject({ hint: 'admin:errors.quotaLimitRange' });
    await expect(set('search', 10, '2 hours')).rejects.toMatchObject({ hint: 'admin:errors.quotaInterval' });
    await expect(set('teleport', 10, '1 hour')).rejects.toMatchObject({ hint: 'admin:errors.quotaNotFound' });
    const before = await t.sql`select count(*)::int as n from app.quota_changes`;
    expect((await set('search', 60, '1 hour'))[0]!.done).toBe(false);
    expect(await t.sql`select count(*)::int as n from app.quota_changes`).toEqual(before);
  });
});
