import { describe, expect, test } from 'vitest';
import { createUser } from '../support/factories';
import { decodeHtml, inputValues, translation, type HttpClient, signInAs } from '../support/http-client';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * The profile editor over HTTP, as a browser without JavaScript uses it: every step filled in
 * and saved, refusals translated with what was typed kept, the reference lists and the limits
 * enforced, list rows added and removed with plain submit buttons, consent before visibility.
 * The viewer page and "hide me now" are in profile-viewer.test.ts.
 */

const running = useSelfHostedApp();
type Language = 'be' | 'en' | 'pl';

async function signedIn(language: Language = 'en') {
  const user = await createUser(running.database.sql);
  return { user, client: await signInAs(running.app.url, user.email, { language }) };
}

const text = (html: string) => decodeHtml(html);
/** The option a <select> shows as chosen, as the browser would submit it. */
const selected = (html: string, name: string) => {
  const select = new RegExp(`<select[^>]*name="${name.replace(/[[\].]/g, '\\$&')}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? '';
  return /<option[^>]*value="([^"]*)"[^>]*selected=""/.exec(select)?.[1] ?? '';
};
/** Whether the radio button or checkbox `name` = `value` is rendered ticked. */
const checked = (html: string, name: string, value: string) =>
  [...html.matchAll(/<input\b[^>]*>/g)].some(([tag]) => tag.includes(`name="${name}"`) && tag.includes(`value="${value}"`) && / checked=""/.test(tag));
const profileRow = async (id: string) => (await running.database.sql`select * from app.profiles where id = ${id}`)[0]!;

async function fillEveryStep(client: HttpClient) {
  const steps: [string, Array<[string, string]>, string][] = [
    ['identity', [['displayName', 'Alesia K.'], ['legalName', 'Alesia Kavaliova'], ['headline', 'Lawyer, human rights']], 'about'],
    ['about', [['bio', 'I document\nwhat happened.']], 'place'],
    ['place', [['where', 'city'], ['city', 'warsaw'], ['country', '']], 'languages'],
    ['languages', [['languages[0].code', 'be'], ['languages[0].level', 'native'], ['languages[1].code', 'pl'], ['languages[1].level', 'B2']], 'skills'],
    ['skills', [['skills[0].skill', 'criminal-law'], ['skills[0].level', '3'], ['skills[0].years', '4'], ['skills[1].skill', ''], ['skills[1].level', ''], ['tags', 'samizdat, sign language']], 'directions'],
    ['directions', [['directions', 'human-rights'], ['directions', 'media']], 'availability'],
    ['availability', [['hoursPerWeek', '6'], ['workMode', 'both'], ['openToRelocation', 'on'], ['availableFrom', '2026-03-01']], 'contact'],
    ['contact', [['email', ''], ['telegram', ''], ['signal', 'alesia.42'], ['phone', '']], 'visibility'],
  ];
  for (const [step, fields, next] of steps) {
    const page = await client.postForm(`/account/profile/${step}`, fields);
    expect([step, page.status, page.location]).toEqual([step, 302, `/account/profile/${next}?saved=${step}`]);
  }
}

describe('filling in the profile without JavaScript', () => {
  test('every step saves what was sent, and the overview counts it', async () => {
    const { user, client } = await signedIn('en');
    const overview = await client.get('/account/profile');
    expect(text(overview.body)).toContain('0 of 7 sections filled in');

    await fillEveryStep(client);
    const visibility = await client.postForm('/account/profile/visibility', {
      identity: 'members', legalName: 'organizers', skills: 'organizers', bio: 'only_me', photo: 'only_me', cv: 'only_me',
      consentMembers: 'on', consentOrganizers: 'on',
    });
    expect(visibility.location).toBe('/account/profile?saved=visibility');

    expect(await profileRow(user.userId)).toMatchObject({
      display_name: 'Alesia K.', legal_name: 'Alesia Kavaliova', headline: 'Lawyer, human rights', bio: 'I document\nwhat happened.',
      city_id: 'warsaw', country_code: null, hours_per_week: 6, work_mode: 'both', open_to_relocation: true,
      identity_audience: 'members', legal_name_audience: 'organizers', skills_audience: 'organizers', bio_audience: 'only_me',
    });
    const sql = running.database.sql;
    expect(await sql`select language_code, level from app.profile_languages where profile_id = ${user.userId} order by 1`).toEqual([
      { language_code: 'be', level: 'native' }, { language_code: 'pl', level: 'B2' },
    ]);
    expect(await sql`select skill_id, level, years from app.profile_skills where profile_id = ${user.userId}`).toEqual([{ skill_id: 'criminal-law', level: 3, years: 4 }]);
    expect((await sql`select tag from app.profile_tags where profile_id = ${user.userId} order by 1`).map((r) => r.tag)).toEqual(['samizdat', 'sign language']);
    expect((await sql`select direction_id from app.profile_directions where profile_id = ${user.userId} order by 1`).map((r) => r.direction_id)).toEqual(['human-rights', 'media']);
    expect(await sql`select kind, value from app.contact_channels where profile_id = ${user.userId}`).toEqual([{ kind: 'signal', value: 'alesia.42' }]);
    expect(await sql`select purpose, version from app.consents where user_id = ${user.userId} order by 1`).toEqual([
      { purpose: 'visible_to_members', version: 'v1' }, { purpose: 'visible_to_organizers', version: 'v1' },
    ]);

    // Contact channels are private and never counted: still seven sections.
    const done = await client.get('/account/profile?saved=visibility');
    expect(text(done.body)).toContain('7 of 7 sections filled in');
    // Saving a step again replaces its lists rather than adding to them.
    await client.postForm('/account/profile/languages', { 'languages[0].code': 'en', 'languages[0].level': 'C1' });
    expect(await sql`select language_code from app.profile_languages where profile_id = ${user.userId}`).toEqual([{ language_code: 'en' }]);
  });

  test('the place can be a country alone, and then no city is kept', async () => {
    const { user, client } = await signedIn();
    await client.postForm('/account/profile/place', { where: 'city', city: 'vilnius' });
    await client.postForm('/account/profile/place', { where: 'country', city: 'vilnius', country: 'LT' });
    expect(await profileRow(user.userId)).toMatchObject({ city_id: null, country_code: 'LT' });
  });
});

describe('refusals are translated and keep what was typed', () => {
  test.each(['be', 'en', 'pl'] as const)('identity in %s', async (language) => {
    const { user, client } = await signedIn(language);
    const page = await client.postForm('/account/profile/identity', { displayName: '  ', legalName: 'Keep me', headline: 'x'.repeat(121) });
    expect(page.status).toBe(400);
    expect(text(page.body)).toContain(translation(language, 'profile:errors.displayNameRequired'));
    expect(text(page.body)).toContain(translation(language, 'profile:errors.headlineTooLong'));
    expect(text(page.body)).toContain(translation(language, 'profile:editor.fixErrors'));
    expect(inputValues(page.body)).toMatchObject({ legalName: 'Keep me', headline: 'x'.repeat(121) });
    expect((await profileRow(user.userId)).legal_name).toBeNull();
  });

  test.each(['be', 'pl'] as const)('availability in %s', async (language) => {
    const { client } = await signedIn(language);
    const page = await client.postForm('/account/profile/availability', { hoursPerWeek: 'many', availableFrom: '2026-02-30', workMode: 'remote' });
    expect(page.status).toBe(400);
    expect(text(page.body)).toContain(translation(language, 'profile:errors.hoursRange'));
    expect(text(page.body)).toContain(translation(language, 'profile:errors.dateInvalid'));
    expect(inputValues(page.body)).toMatchObject({ hoursPerWeek: 'many', availableFrom: '2026-02-30' });
    expect(checked(page.body, 'workMode', 'remote')).toBe(true);
  });

  test('an unknown city is refused by the database and said in the page language', async () => {
    const { user, client } = await signedIn('pl');
    const page = await client.postForm('/account/profile/place', { where: 'city', city: 'atlantis' });
    expect(page.status).toBe(400);
    expect(text(page.body)).toContain(translation('pl', 'profile:errors.unknownCity'));
    expect(selected(page.body, 'city')).toBe('');
    expect((await profileRow(user.userId)).city_id).toBeNull();
  });

  test('an unknown skill is refused and the rows stay as typed', async () => {
    const { user, client } = await signedIn('en');
    const page = await client.postForm('/account/profile/skills', [
      ['skills[0].skill', 'criminal-law'], ['skills[0].level', '2'], ['skills[1].skill', 'alchemy'], ['skills[1].level', '4'], ['tags', 'keep, these'],
    ]);
    expect(page.status).toBe(400);
    expect(text(page.body)).toContain(translation('en', 'profile:errors.unknownSkill'));
    expect(selected(page.body, 'skills[0].skill')).toBe('criminal-law');
    expect(inputValues(page.body).tags).toBe('keep, these');
    expect(await running.database.sql`select 1 from app.profile_skills where profile_id = ${user.userId}`).toHaveLength(0);
  });

  test('a 31st skill is refused with a message, and nothing is saved', async () => {
    const { user, client } = await signedIn('be');
    const skills = await running.database.sql`select id from app.skills order by id limit 31`;
    const fields = skills.flatMap((row, i): [string, string][] => [[`skills[${i}].skill`, row.id], [`skills[${i}].level`, '2']]);
    const refused = await client.postForm('/account/profile/skills', fields);
    expect(refused.status).toBe(400);
    expect(text(refused.body)).toContain(translation('be', 'profile:errors.tooManySkills'));
    expect(await running.database.sql`select 1 from app.profile_skills where profile_id = ${user.userId}`).toHaveLength(0);

    const thirty = await client.postForm('/account/profile/skills', fields.slice(0, 60));
    expect(thirty.status).toBe(302);
    expect(await running.database.sql`select 1 from app.profile_skills where profile_id = ${user.userId}`).toHaveLength(30);
  });
});

describe('list rows without JavaScript', () => {
  /** The `__intent__` value of the button with this text, as the browser would send it. */
  const intentOf = (html: string, label: string) => {
    const button = [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].find((match) => decodeHtml(match[1]!) === label)?.[0] ?? '';
    return decodeHtml(/value="([^"]*)"/.exec(button)?.[1] ?? '');
  };

  test('"add another" and "remove" send the form back with one row more or less, keeping the rest', async () => {
    const { user, client } = await signedIn('en');
    const form = await client.get('/account/profile/languages');
    const add = intentOf(form.body, translation('en', 'profile:languages.add'));
    expect(JSON.parse(add)).toMatchObject({ type: 'insert', payload: { name: 'languages' } });

    const added = await client.postForm('/account/profile/languages', [['languages[0].code', 'lt'], ['languages[0].level', 'A2'], ['__intent__', add]]);
    expect(added.status).toBe(200);
    expect(selected(added.body, 'languages[0].code')).toBe('lt');
    expect(added.body).toContain('name="languages[1].code"');

    const remove = intentOf(added.body, translation('en', 'profile:languages.remove').replace('{{number}}', '1'));
    const removed = await client.postForm('/account/profile/languages', [
      ['languages[0].code', 'lt'], ['languages[0].level', 'A2'], ['languages[1].code', 'uk'], ['languages[1].level', 'C1'], ['__intent__', remove],
    ]);
    expect(removed.status).toBe(200);
    expect(selected(removed.body, 'languages[0].code')).toBe('uk');
    expect(removed.body).not.toContain('name="languages[1].code"');
    // Neither button saved anything.
    expect(await running.database.sql`select 1 from app.profile_languages where profile_id = ${user.userId}`).toHaveLength(0);
  });
});

describe('who sees what', () => {
  test('opening a part needs the consent first; the choice is kept while it is missing', async () => {
    const { user, client } = await signedIn('be');
    const audiences = { identity: 'members', legalName: 'only_me', skills: 'organizers', bio: 'only_me', photo: 'only_me', cv: 'only_me' };
    const page = await client.postForm('/account/profile/visibility', audiences);
    expect(page.status).toBe(400);
    expect(text(page.body)).toContain(translation('be', 'profile:errors.consentMembersNeeded'));
    expect(text(page.body)).toContain(translation('be', 'profile:errors.consentOrganizersNeeded'));
    expect(text(page.body)).toContain(translation('be', 'profile:consent.visible_to_members.v1'));
    expect(checked(page.body, 'identity', 'members')).toBe(true);
    expect(checked(page.body, 'skills', 'organizers')).toBe(true);
    expect(await running.database.sql`select 1 from app.consents where user_id = ${user.userId}`).toHaveLength(0);
    expect((await profileRow(user.userId)).identity_audience).toBe('only_me');

    const capped = await client.postForm('/account/profile/visibility', { ...audiences, legalName: 'members', consentMembers: 'on', consentOrganizers: 'on' });
    expect(capped.status).toBe(400);
    expect(text(capped.body)).toContain(translation('be', 'profile:errors.audienceCapped'));
  });

  test('withdrawing a consent hides the parts it opened', async () => {
    const { user, client } = await signedIn('en');
    await client.postForm('/account/profile/visibility', {
      identity: 'members', legalName: 'only_me', skills: 'organizers', bio: 'members', photo: 'only_me', cv: 'only_me', consentMembers: 'on', consentOrganizers: 'on',
    });
    const page = await client.get('/account/profile/visibility');
    expect(text(page.body)).toContain(translation('en', 'profile:consent.visible_to_members.withdraw'));

    const withdrawn = await client.postForm('/account/profile/consent', { purpose: 'visible_to_members' });
    expect(withdrawn.location).toBe('/account/profile/visibility?withdrawn=visible_to_members');
    expect(text((await client.get(withdrawn.location!)).body)).toContain(translation('en', 'profile:consent.withdrawn'));
    expect(await profileRow(user.userId)).toMatchObject({ identity_audience: 'only_me', bio_audience: 'only_me', skills_audience: 'organizers' });
    expect((await client.postForm('/account/profile/consent', { purpose: 'everything' })).status).toBe(400);
  });
});
