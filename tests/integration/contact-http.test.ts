import { beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../app/platform/db/client.server';
import { createUser, openProfile } from '../support/factories';
import { decodeHtml, signInAs, translation, type HttpClient } from '../support/http-client';
import { giveVerifiedFactor, signInWithSecondFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * The contact flow through the real app, as a browser without JavaScript: an organizer with their
 * second factor asks (English), the member answers in Belarusian, the organizer then sees the
 * channel and the CV; the negative paths (another organizer, a hidden member, no second factor,
 * a plain member, a block, garbage) in Polish and English. Never a 500.
 */
const running = useSelfHostedApp();
const sql = () => running.database.sql;

type Organizer = Identity & { client: HttpClient };

async function organizer(organization: string, language: 'en' | 'pl' = 'en'): Promise<Organizer> {
  const user = await createUser(sql(), {
    roles: ['organizer'],
    displayName: 'Nasta',
  });
  await sql()`update app.user_roles set granted_at = now() - interval '31 days' where user_id = ${user.userId} and role = 'organizer'`;
  await sql()`
    insert into app.organizer_applications (applicant_id, organization, role_in_organization, motivation, reference, status, decided_at)
    values (${user.userId}, ${organization}, 'Coordinator', 'I coordinate volunteers for the legal aid desk.', 'Ales K., board', 'approved', now())`;
  const secret = await giveVerifiedFactor(sql(), user.userId);
  return {
    ...user,
    client: await signInWithSecondFactor(running.app.url, user.email, secret, {
      language,
    }),
  };
}

async function member(language: 'be' | 'en' | 'pl' = 'be') {
  const user = await createUser(sql(), { displayName: 'Алесь' });
  await openProfile(sql(), user.userId, {
    identity: 'organizers',
    skills: 'organizers',
  });
  await sql()`update auth.users set raw_user_meta_data = ${sql().json({
    language,
  })} where id = ${user.userId}`;
  await sql()`insert into app.contact_channels (profile_id, kind, value) values (${user.userId}, 'signal', 'ales.42')`;
  return {
    ...user,
    client: await signInAs(running.app.url, user.email, { language }),
  };
}

/** Puts a PDF in place as the member's CV, as the upload form would (multipart, our Origin). */
async function uploadCv(client: HttpClient) {
  const form = new FormData();
  form.append('intent', 'upload-cv');
  form.append('cv', new Blob([Buffer.concat([Buffer.from('%PDF-1.7\n%test\n'), Buffer.alloc(200)])]), 'cv.pdf');
  const response = await fetch(`${client.origin}/account/files`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: {
      Cookie: `talaka_session=${client.cookie('talaka_session')}`,
      Origin: client.origin,
    },
  });
  expect(response.status).toBe(302);
}

const text = (body: string) => decodeHtml(body);
const requestIdOf = async (memberId: string) =>
  (await sql()`select id from app.contact_requests where member_id = ${memberId} order by created_at desc limit 1`)[0]?.id as string;

describe('the whole flow', () => {
  let asker: Organizer;
  let asked: Awaited<ReturnType<typeof member>>;
  beforeAll(async () => {
    asker = await organizer('Belarusian House in Warsaw');
    asked = await member('be');
  });

  it('the organizer sees the request form on the profile, and a missing message is a translated error', async () => {
    const page = await asker.client.get(`/people/${asked.userId}`);
    expect(page.status).toBe(200);
    expect(text(page.body)).toContain(translation('en', 'contact:request.send'));
    expect(page.body).toContain(`href="/organizer/shortlists/add?member=${asked.userId}"`);
    expect(text(page.body)).not.toContain('ales.42');

    const empty = await asker.client.postForm(`/people/${asked.userId}`, {
      intent: 'send',
      message: '   ',
    });
    expect(empty.status).toBe(400);
    expect(text(empty.body)).toContain(translation('en', 'contact:errors.messageRequired'));
    const long = await asker.client.postForm(`/people/${asked.userId}`, {
      intent: 'send',
      message: 'x'.repeat(2001),
    });
    expect(long.status).toBe(400);
    expect(text(long.body)).toContain(translation('en', 'contact:errors.messageTooLong'));
  });

  it('the organizer sends; the member gets a mail in Belarusian without the message, and a header link', async () => {
    const sent = await asker.client.postForm(`/people/${asked.userId}`, {
      intent: 'send',
      message: 'We need a translator <b>now</b>.',
    });
    expect(sent).toMatchObject({
      status: 302,
      location: `/people/${asked.userId}?sent=1`,
    });
    const page = await asker.client.get(`/people/${asked.userId}?sent=1`);
    expect(text(page.body)).toContain(translation('en', 'contact:request.sent'));
    expect(text(page.body)).toContain(translation('en', 'contact:status.pending'));

    const [mail] = await sql()`select locale, subject, body_text from app.mail_outbox where to_address = ${asked.email}`;
    expect(mail).toMatchObject({
      locale: 'be',
      subject: translation('be', 'contact:mail.subject'),
    });
    expect(mail?.body_text).toContain('Belarusian House in Warsaw');
    expect(mail?.body_text).toContain('/account/requests?lng=be');
    expect(mail?.body_text).not.toContain('translator');

    const home = await asked.client.get('/account');
    expect(home.body).toContain('href="/account/requests"');
    expect(text(home.body)).toContain('Запыты на кантакт (1)');
    // The count in words follows the visible text inside the link, for screen readers.
    expect(text(home.body)).toMatch(/Запыты на кантакт \(1\)<span class="visually-hidden">\s*(—|&#x2014;|&mdash;)\s*1 новы запыт на кантакт<\/span>/);
  });

  it('the member reads the request in Belarusian and accepts; the header link goes away', async () => {
    const inbox = await asked.client.get('/account/requests');
    expect(inbox.status).toBe(200);
    const body = text(inbox.body);
    expect(body).toContain(translation('be', 'contact:inbox.title'));
    expect(body).toContain('Belarusian House in Warsaw');
    expect(body).toContain('We need a translator <b>now</b>.');
    expect(inbox.body).not.toContain('<b>now</b>');
    expect(body).not.toContain(asker.email);

    const id = await requestIdOf(asked.userId);
    const accepted = await asked.client.postForm('/account/requests', {
      intent: 'accept',
      requestId: id,
    });
    expect(accepted).toMatchObject({
      status: 302,
      location: '/account/requests?done=accept',
    });
    const after = text((await asked.client.get('/account/requests?done=accept')).body);
    expect(after).toContain(translation('be', 'contact:inbox.done.accept'));
    expect(after).toContain(translation('be', 'contact:inbox.nowSeesChannels'));
    expect(after).not.toContain('Запыты на кантакт (1)');
  });

  it('the organizer now sees the channel and the CV link, on the profile and the sent list, audited', async () => {
    await uploadCv(asked.client);
    await openProfile(sql(), asked.userId, { cv: 'organizers' });
    const page = text((await asker.client.get(`/people/${asked.userId}`)).body);
    expect(page).toContain('ales.42');
    expect(page).toContain(translation('en', 'contact:request.cv'));
    // The sent list says where each request stands and points to the profile; it reveals nothing.
    const revealsBefore = await sql()`select count(*)::int as n from app.audit_events where actor = ${asker.userId} and action = 'contact_reveal'`;
    const list = await asker.client.get('/organizer/requests');
    expect(list.status).toBe(200);
    expect(text(list.body)).not.toContain('ales.42');
    expect(text(list.body)).toContain(translation('en', 'contact:status.accepted'));
    expect(text(list.body)).toContain(translation('en', 'contact:sent.seeContact'));
    const revealsAfter = await sql()`select count(*)::int as n from app.audit_events where actor = ${asker.userId} and action = 'contact_reveal'`;
    expect(revealsAfter[0]!.n).toBe(revealsBefore[0]!.n);

    const cv = await asker.client.get(`/files/cv/${asked.userId}`);
    expect(cv.status).toBe(200);
    expect(cv.headers.get('content-type')).toBe('application/pdf');
    const reveals = await sql()`select detail from app.audit_events where actor = ${asker.userId} and action = 'contact_reveal'`;
    expect(reveals.map((row) => row.detail.part)).toContain('cv');
    expect(reveals.length).toBeGreaterThanOrEqual(2);
  });

  it('another organizer sees neither the channel nor the CV', async () => {
    const other = await organizer('Other Org');
    const page = text((await other.client.get(`/people/${asked.userId}`)).body);
    expect(page).not.toContain('ales.42');
    expect((await other.client.get(`/files/cv/${asked.userId}`)).status).toBe(404);
  });

  it('the member blocks the organizer: the profile and the CV are gone for them', async () => {
    const id = await requestIdOf(asked.userId);
    const blocked = await asked.client.postForm('/account/requests', {
      intent: 'block',
      requestId: id,
    });
    expect(blocked).toMatchObject({
      status: 302,
      location: '/account/requests?done=block',
    });
    expect((await asker.client.get(`/people/${asked.userId}`)).status).toBe(404);
    expect((await asker.client.get(`/files/cv/${asked.userId}`)).status).toBe(404);
    expect(text((await asker.client.get('/organizer/requests')).body)).not.toContain('ales.42');
  });

  it('the member lifts the block from the inbox: the organizer can open the profile again, the channel stays hidden', async () => {
    const inbox = text((await asked.client.get('/account/requests')).body);
    expect(inbox).toContain(translation('be', 'contact:inbox.unblock'));
    const lifted = await asked.client.postForm('/account/requests', { intent: 'unblock', requestId: await requestIdOf(asked.userId) });
    expect(lifted).toMatchObject({ status: 302, location: '/account/requests?done=unblock' });
    expect(text((await asked.client.get('/account/requests?done=unblock')).body)).toContain(translation('be', 'contact:inbox.done.unblock'));
    const page = await asker.client.get(`/people/${asked.userId}`);
    expect(page.status).toBe(200);
    expect(text(page.body)).not.toContain('ales.42');
  });
});

describe('the negative paths', () => {
  it('a declined request reveals nothing (Polish)', async () => {
    const asker = await organizer('Fundacja', 'pl');
    const asked = await member('pl');
    await asker.client.postForm(`/people/${asked.userId}`, {
      intent: 'send',
      message: 'Dzień dobry',
    });
    const declined = await asked.client.postForm('/account/requests', {
      intent: 'decline',
      requestId: await requestIdOf(asked.userId),
    });
    expect(declined.location).toBe('/account/requests?done=decline');
    const page = text((await asker.client.get(`/people/${asked.userId}`)).body);
    expect(page).toContain(translation('pl', 'contact:status.declined'));
    expect(page).toContain(translation('pl', 'contact:request.declinedNote'));
    expect(page).not.toContain(translation('pl', 'contact:request.send'));
    expect(page).not.toContain('ales.42');
  });

  it('a hidden member and an unknown id get the same not-found answer (Polish)', async () => {
    const asker = await organizer('Fundacja', 'pl');
    const hidden = await createUser(sql(), { displayName: 'Hidden' });
    const toHidden = await asker.client.postForm(`/people/${hidden.userId}`, {
      intent: 'send',
      message: 'Dzień dobry',
    });
    const toNobody = await asker.client.postForm('/people/00000000-0000-4000-8000-000000000000', { intent: 'send', message: 'Dzień dobry' });
    expect(toHidden.status).toBe(404);
    expect(toNobody.status).toBe(404);
    // The page itself is not found for this organizer, so the answer is the not-found page.
    for (const page of [toHidden, toNobody]) expect(text(page.body)).toContain(translation('pl', 'errors.notFound.title'));
    expect(await sql()`select 1 from app.contact_requests where organizer_id = ${asker.userId}`).toHaveLength(0);
  });

  it('a member who shows skills but not their identity cannot be asked (Polish)', async () => {
    const asker = await organizer('Fundacja', 'pl');
    const nameless = await createUser(sql(), { displayName: 'Nameless' });
    await openProfile(sql(), nameless.userId, { skills: 'organizers' });
    const page = await asker.client.postForm(`/people/${nameless.userId}`, {
      intent: 'send',
      message: 'Dzień dobry',
    });
    expect(page.status).toBe(404);
    expect(text(page.body)).toContain(translation('pl', 'contact:errors.unknownMember'));
  });

  it('over quota, a clear translated message', async () => {
    const asker = await organizer('Quota Org');
    const asked = await member('en');
    await sql()`insert into app.audit_events (actor, action, at) select ${asker.userId}, 'contact_request', now() - interval '1 hour' from generate_series(1, 20)`;
    const page = await asker.client.postForm(`/people/${asked.userId}`, {
      intent: 'send',
      message: 'Hello',
    });
    expect(page.status).toBe(429);
    expect(text(page.body)).toContain(translation('en', 'contact:errors.quota'));
    expect(await sql()`select 1 from app.audit_events where actor = ${asker.userId} and action = 'quota_exceeded'`).toHaveLength(1);
  });

  it('an organizer without the second factor is sent to give it; a plain member is refused', async () => {
    const user = await createUser(sql(), { roles: ['organizer'] });
    const asked = await member('en');
    const atAal1 = await signInAs(running.app.url, user.email, {
      language: 'en',
    });
    const page = await atAal1.postForm(`/people/${asked.userId}`, {
      intent: 'send',
      message: 'Hello',
    });
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/auth\/second-factor/);
    expect(text((await atAal1.get(`/people/${asked.userId}`)).body)).not.toContain(translation('en', 'contact:request.send'));

    const plain = await createUser(sql());
    const plainClient = await signInAs(running.app.url, plain.email, {
      language: 'en',
    });
    expect(
      (
        await plainClient.postForm(`/people/${asked.userId}`, {
          intent: 'send',
          message: 'Hello',
        })
      ).status,
    ).toBe(403);
    expect((await plainClient.get('/organizer/requests')).status).toBe(403);
    expect((await plainClient.get(`/files/cv/${asked.userId}`)).status).toBe(404);
    expect(await sql()`select 1 from app.contact_requests where member_id = ${asked.userId}`).toHaveLength(0);
  });

  it('a member cannot answer someone else request, and a report needs a reason', async () => {
    const asker = await organizer('Report Org');
    const asked = await member('en');
    await asker.client.postForm(`/people/${asked.userId}`, {
      intent: 'send',
      message: 'Give me your address',
    });
    const id = await requestIdOf(asked.userId);
    const intruder = await member('en');
    const refused = await intruder.client.postForm('/account/requests', {
      intent: 'accept',
      requestId: id,
    });
    expect(refused.status).toBe(404);
    expect(text(refused.body)).toContain(translation('en', 'contact:errors.unknownRequest'));

    const noReason = await asked.client.postForm('/account/requests', {
      intent: 'report',
      requestId: id,
      reason: '',
    });
    expect(noReason.status).toBe(400);
    expect(text(noReason.body)).toContain(translation('en', 'contact:errors.reasonRequired'));
    const reported = await asked.client.postForm('/account/requests', {
      intent: 'report',
      requestId: id,
      reason: 'Asks for my address',
    });
    expect(reported.location).toBe('/account/requests?done=report');
    expect(await sql()`select 1 from app.abuse_reports where organizer_id = ${asker.userId}`).toHaveLength(1);
  });

  it('answers garbage with a 4xx, never a 500', async () => {
    const asker = await organizer('Garbage Org');
    const asked = await member('en');
    const bodies: Array<Record<string, string> | string> = [
      { intent: 'accept', requestId: 'not-a-uuid' },
      { intent: 'nonsense' },
      {},
      {
        intent: 'report',
        requestId: '00000000-0000-4000-8000-000000000000',
        reason: 'x'.repeat(5000),
      },
      'intent=accept&requestId=%00',
      '\u0000\u0001garbage',
    ];
    for (const body of bodies) {
      const page = await asked.client.postForm('/account/requests', body);
      expect(page.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(page.status, JSON.stringify(body)).toBeLessThan(500);
    }
    const organizerBodies: Array<Record<string, string> | string> = [
      { intent: 'withdraw', requestId: 'nope' },
      { intent: 'send', message: '\u0007bell' },
      'message=%ZZ',
    ];
    for (const body of organizerBodies) {
      const page = await asker.client.postForm(`/people/${asked.userId}`, body);
      expect(page.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(page.status, JSON.stringify(body)).toBeLessThan(500);
    }
    expect(
      (
        await asker.client.postForm('/people/not-an-id', {
          intent: 'send',
          message: 'Hi',
        })
      ).status,
    ).toBe(404);
    expect((await asker.client.get('/files/cv/not-an-id')).status).toBe(404);
  });
});
