import type { Db, Identity, Sql } from '../../app/platform/db/client.server';
import { createEvent, eventInput } from '../integration/events-world';
import { createMember, veteranOrganizer } from './directory-world';
import { createUser, openProfile } from './factories';
import { giveVerifiedFactor } from './second-factor';

/**
 * The data every page of the accessibility sweep needs, written straight into the test database:
 * members the directory finds (enough for facets), a public event, a pending organizer
 * application and a canary (for the admin pages). `castFor` then gives each language its own
 * member, organizer and admin (a second-factor code works once per 30 s window per user), with
 * the member signed up for an event, the organizer's own event, shortlist, saved search and a
 * sent contact request: each page then shows its full state, not an empty one.
 */
export const SKILL = 'criminal-law';

export type SharedWorld = { publicEventId: string; memberEventId: string; someMemberId: string; host: Identity };

export async function createSharedWorld(sql: Sql, db: Db): Promise<SharedWorld> {
  const names = ['Святлана Ціханоўская', 'Ales Kavaliou', 'Maryja Kalesnikava', 'Ihar Losik', 'Ksienija Luckina', 'Paval Seviarynec'];
  let someMemberId = '';
  for (const [index, name] of names.entries()) {
    someMemberId = await createMember(sql, {
      name,
      headline: 'Юрыст, правы чалавека',
      city: index % 2 ? 'vilnius' : 'warsaw',
      workMode: 'both',
      hours: 10,
      skills: { [SKILL]: 3, 'fact-checking': 2 },
      languages: { be: 'native', pl: 'B2' },
      directions: ['media'],
      identity: 'members',
      skillsPart: 'members',
    });
  }
  const host = await veteranOrganizer(sql);
  await giveVerifiedFactor(sql, host.userId);
  const publicEventId = await createEvent(db, host, eventInput({ visibility: 'public_teaser', capacity: 20 }));
  const memberEventId = await createEvent(db, host, eventInput({ capacity: 20, titles: { en: 'Legal aid evening', be: 'Вечар юрыдычнай дапамогі' } }));

  const applicant = await createUser(sql, { displayName: 'Hanna Applicant' });
  await sql`
    insert into app.organizer_applications (applicant_id, organization, role_in_organization, motivation, reference)
    values (${applicant.userId}, 'Harvest House', 'Coordinator', ${'We run a legal aid desk for political prisoners.'}, 'Ales K., board')`;
  const admin = await createUser(sql, { roles: ['admin'] });
  await db.asUser(admin, (tx) => tx`select app.create_canary_profile('Mikola Dubrouski', null, 'vilnius', ${['data-analysis']})`);
  return { publicEventId, memberEventId, someMemberId, host };
}

export type Cast = {
  member: Identity;
  organizer: Identity & { secret: string };
  admin: Identity & { secret: string };
  ownEventId: string;
  shortlistId: string;
};

/** One member, organizer and admin for one language, each page's data in place. */
export async function castFor(sql: Sql, db: Db, world: SharedWorld): Promise<Cast> {
  const member = await createUser(sql, { displayName: 'Kvitka Member' });
  await sql`update app.profiles set headline = 'Front-end developer', city_id = 'warsaw' where id = ${member.userId}`;
  await sql`insert into app.profile_skills (profile_id, skill_id, level) values (${member.userId}, ${SKILL}, 4)`;
  await sql`insert into app.contact_channels (profile_id, kind, value) values (${member.userId}, 'signal', 'kvitka.01')`;
  await openProfile(sql, member.userId, { identity: 'organizers', skills: 'organizers' });

  const organizer = await veteranOrganizer(sql);
  await sql`update app.profiles set display_name = 'Organizer of Harvest House' where id = ${organizer.userId}`;
  await sql`
    insert into app.organizer_applications (applicant_id, organization, role_in_organization, motivation, reference, status, decided_at)
    values (${organizer.userId}, 'Harvest House', 'Coordinator', ${'We run a legal aid desk for political prisoners.'}, 'Ales K., board', 'approved', now())`;
  const organizerSecret = await giveVerifiedFactor(sql, organizer.userId);
  const admin = await createUser(sql, { roles: ['admin'] });
  const adminSecret = await giveVerifiedFactor(sql, admin.userId);

  await db.asUser(member, (tx) => tx`select app.sign_up_for_event(${world.memberEventId}::uuid)`);
  const ownEventId = await createEvent(db, organizer, eventInput({ capacity: 20 }));
  await db.asUser(member, (tx) => tx`select app.sign_up_for_event(${ownEventId}::uuid)`);
  const shortlistId = await db.asUser(organizer, async (tx) => {
    const [row] = await tx`select app.create_shortlist('Lawyers') as id`;
    await tx`select app.add_to_shortlist(${row!.id}::uuid, ${world.someMemberId}::uuid, ${'Met in Vilnius'})`;
    return row!.id as string;
  });
  await db.asUser(organizer, (tx) => tx`select app.save_search('Lawyers in Vilnius', ${tx.json({ skills: [SKILL] })}::jsonb, true)`);
  await db.asUser(organizer, (tx) => tx`select app.send_contact_request(${member.userId}::uuid, ${'We need a lawyer for an evening of legal aid.'})`);
  return { member, organizer: { ...organizer, secret: organizerSecret }, admin: { ...admin, secret: adminSecret }, ownEventId, shortlistId };
}
