import { beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../app/platform/db/client.server';
import { createUser } from '../support/factories';
import { createClient, decodeHtml, signInAs, translation, type HttpClient } from '../support/http-client';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * The member's side of organizer vetting over HTTP: the application form, its status and
 * withdrawal, and the admin page refused with a 403. (Admins over HTTP need the second factor,
 * which has its own tests.)
 */
const running = useSelfHostedApp();
let member: Identity;
let browser: HttpClient;

beforeAll(async () => {
  member = await createUser(running.database.sql, { displayName: 'Hanna' });
  browser = await signInAs(running.app.url, member.email, { language: 'en' });
});

const en = (key: string) => translation('en', key);

describe('/organizer/apply', () => {
  it('shows the form, and the header links to it', async () => {
    const page = await browser.get('/organizer/apply');
    expect(page.status).toBe(200);
    const text = decodeHtml(page.body);
    expect(text).toContain(en('organizers:apply.title'));
    expect(text).toContain(en('organizers:fields.reference'));
    expect(page.body).toContain('href="/organizer/apply"');
    expect(page.body).not.toContain('href="/admin"');
  });

  it('refuses an incomplete application with translated errors', async () => {
    const page = await browser.postForm('/organizer/apply', { intent: 'apply', organization: 'X', roleInOrganization: '', motivation: 'short', reference: '' });
    expect(page.status).toBe(400);
    const text = decodeHtml(page.body);
    expect(text).toContain(en('organizers:errors.organizationTooShort'));
    expect(text).toContain(en('organizers:errors.motivationTooShort'));
    const rows = await running.database.sql`select 1 from app.organizer_applications where applicant_id = ${member.userId}`;
    expect(rows).toHaveLength(0);
  });

  it('sends an application, shows it as pending, and withdraws it', async () => {
    const sent = await browser.postForm('/organizer/apply', {
      intent: 'apply',
      organization: 'Belarusian House in Warsaw',
      roleInOrganization: 'Volunteer coordinator',
      motivation: 'I coordinate volunteers and need translators for our legal aid desk.',
      reference: 'Ales K., board member, ales@example.org',
    });
    expect(sent.status).toBe(302);
    expect(sent.location).toBe('/organizer/apply?applied=1');
    const status = decodeHtml((await browser.get('/organizer/apply')).body);
    expect(status).toContain(en('organizers:status.pending'));
    expect(status).not.toContain(en('organizers:apply.submit'));

    const [row] = await running.database.sql`select id, status from app.organizer_applications where applicant_id = ${member.userId}`;
    expect(row!.status).toBe('pending');
    const withdrawn = await browser.postForm('/organizer/apply', { intent: 'withdraw', applicationId: row!.id });
    expect(withdrawn.location).toBe('/organizer/apply?withdrawn=1');
    expect(decodeHtml((await browser.get('/organizer/apply')).body)).toContain(en('organizers:status.withdrawn'));
  });

  it('sends a visitor to sign in', async () => {
    const page = await createClient(running.app.url).get('/organizer/apply');
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/sign-in\?redirectTo=/);
  });
});

describe('/admin', () => {
  it('is forbidden to a member, on a translated 403 page', async () => {
    const page = await browser.get('/admin');
    expect(page.status).toBe(403);
    expect(decodeHtml(page.body)).toContain(en('errors.forbidden.title'));
  });

  it('refuses a member posting an approval, and nothing changes', async () => {
    const applicant = await createUser(running.database.sql);
    const [created] = await running.database.db.asUser(
      applicant,
      (tx) => tx`select app.apply_to_be_organizer('Org name', 'Member', ${'m'.repeat(30)}, 'Someone who knows') as id`,
    );
    const page = await browser.postForm('/admin', { intent: 'approve', applicationId: created!.id });
    expect(page.status).toBe(403);
    const approvals = await running.database.sql`select 1 from app.organizer_approvals where application_id = ${created!.id}`;
    expect(approvals).toHaveLength(0);
  });
});
