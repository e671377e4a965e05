import type { Page } from 'playwright-core';
import type { Language } from '../../app/i18n/config';
import { SKILL, type Cast, type SharedWorld } from './a11y-world';
import { waitForHydration } from './browser';
import { TEST_PASSWORD } from './factories';
import type { Texts } from './locale-texts';
import { codeFor } from './second-factor';

/**
 * Every page of the site, per role, with the data of a11y-world.ts: the list the accessibility
 * sweep (axe, light and dark) and the phone layout check walk. A new page is added here once.
 */
export const LOCALES: Record<Language, string> = { be: 'be-BY', en: 'en-GB', pl: 'pl-PL' };
export const LANGUAGES = Object.keys(LOCALES) as Language[];

export type Visit = { path: string; status?: number };
export type Role = {
  name: 'visitor' | 'member' | 'organizer' | 'admin';
  signIn?: (cast: Cast) => { email: string; secret?: string };
  paths: (world: SharedWorld, cast: Cast) => Visit[];
};

const STEPS = ['identity', 'about', 'place', 'languages', 'skills', 'directions', 'availability', 'contact', 'visibility'];

export const visitor: Role = {
  name: 'visitor',
  paths: (world) => [
    { path: '/' },
    { path: '/sign-in' },
    { path: '/sign-up' },
    { path: '/forgot-password' },
    { path: '/magic-link' },
    { path: '/privacy' },
    { path: '/events' },
    { path: `/events/${world.publicEventId}` },
    { path: '/no-such-page', status: 404 },
  ],
};

export const member: Role = {
  name: 'member',
  signIn: (cast) => cast.member,
  paths: (world) => [
    { path: '/account' },
    { path: '/account/profile' },
    ...STEPS.map((step) => ({ path: `/account/profile/${step}` })),
    { path: '/account/files' },
    { path: '/account/export' },
    { path: '/account/delete' },
    { path: '/account/hide' },
    { path: '/account/password' },
    { path: '/account/security' },
    { path: '/account/viewers' },
    { path: '/account/requests' },
    { path: '/organizer/apply' },
    { path: '/events' },
    { path: `/events/${world.memberEventId}` },
    { path: `/events/${world.memberEventId}/pass` },
    { path: `/people/${world.someMemberId}` },
  ],
};

export const organizer: Role = {
  name: 'organizer',
  signIn: (cast) => cast.organizer,
  paths: (_world, cast) => [
    { path: '/directory' },
    { path: `/directory?skill=${SKILL}` },
    { path: '/directory/map' },
    { path: '/organizer/shortlists' },
    { path: `/organizer/shortlists/${cast.shortlistId}` },
    { path: `/organizer/shortlists/add?member=${cast.member.userId}` },
    { path: '/organizer/saved-searches' },
    { path: `/organizer/saved-searches/new?skill=${SKILL}` },
    { path: '/organizer/requests' },
    { path: `/people/${cast.member.userId}` },
    { path: '/events/new' },
    { path: `/events/${cast.ownEventId}/edit` },
    { path: `/events/${cast.ownEventId}/attendees` },
    { path: `/events/${cast.ownEventId}/check-in` },
  ],
};

export const admin: Role = {
  name: 'admin',
  signIn: (cast) => cast.admin,
  paths: () => [{ path: '/admin' }, { path: '/admin/audit' }, { path: '/admin/alerts' }, { path: '/admin/canaries' }, { path: '/admin/quotas' }],
};

export const ROLES = [visitor, member, organizer, admin];

/** Signs in through the form (and the second factor when the role has one), up to the account page. */
export async function signIn(page: Page, t: Texts, email: string, secret?: string) {
  await page.goto('/sign-in');
  await waitForHydration(page, 20_000);
  const main = page.getByRole('main');
  await page.getByLabel(t('auth:fields.email'), { exact: true }).fill(email);
  await page.getByLabel(t('auth:fields.password'), { exact: true }).fill(TEST_PASSWORD);
  await main.getByRole('button', { name: t('auth:signIn.submit'), exact: true }).click();
  if (secret) {
    await page.getByLabel(t('security:fields.code'), { exact: true }).fill(codeFor(secret));
    await main.getByRole('button', { name: t('security:secondFactor.submit'), exact: true }).click();
  }
  await page.getByRole('heading', { level: 1, name: t('auth:account.title'), exact: true }).waitFor();
}
