import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { useBrowser, waitForHydration } from '../support/browser';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { localeTexts } from '../support/locale-texts';
import { codeFor, giveVerifiedFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * The admin oversight pages in Chromium, in Belarusian on a 360 px phone: signing in with the
 * second factor, moving through the admin navigation, a refused quota shown in words before
 * anything is sent, a quota changed, an alert acknowledged (its button says it is working while
 * the request runs), and a canary retired after "are you sure?". No page scrolls sideways as a
 * whole, and no page logs an error (the server-written dates hydrate as they are).
 */
const running = useSelfHostedApp();
const browser = useBrowser();
const t = localeTexts('be');
const PHONE = { width: 360, height: 740 };

let canaryId = '';
beforeAll(async () => {
  const sql = running.database.sql;
  const admin = await createUser(sql, { roles: ['admin'] });
  const [row] = await running.database.db.asUser(
    admin,
    (tx) => tx`select app.create_canary_profile('Mikola Dubrouski', null, 'vilnius', ${['data-analysis']}) as id`,
  );
  canaryId = row!.id as string;
  const organizer = await createUser(sql, { roles: ['organizer'] });
  await running.database.db.asUser(organizer, (tx) => tx`select app.organizer_view_profile(${canaryId}::uuid)`);
});

async function signInAsAdmin() {
  const sql = running.database.sql;
  const admin = await createUser(sql, { roles: ['admin'] });
  const secret = await giveVerifiedFactor(sql, admin.userId);
  const opened = await browser.openPage({ baseURL: running.app.url, locale: 'be-BY', viewport: PHONE });
  const { page } = opened;
  await page.goto('/admin/alerts');
  await waitForHydration(page);
  await page.getByLabel(t('auth:fields.email'), { exact: true }).fill(admin.email);
  await page.getByLabel(t('auth:fields.password'), { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: t('auth:signIn.submit'), exact: true }).click();
  await page.getByLabel(t('security:fields.code'), { exact: true }).fill(codeFor(secret));
  await page.getByRole('main').getByRole('button', { name: t('security:secondFactor.submit'), exact: true }).click();
  await heading(page, t('admin:alerts.title'));
  return opened;
}

const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true, level: 1 }).waitFor();
const fitsThePhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('admin oversight in Belarusian on a phone', () => {
  test('acknowledges an alert (its button working meanwhile), retires a canary after confirming, and changes a quota after a refused value', async () => {
    const { page, consoleErrors } = await signInAsAdmin();
    await waitForHydration(page);
    expect(await page.getByText('Mikola Dubrouski').count()).toBeGreaterThan(0);
    // Hold the acknowledgement back a moment: its button shows the pending state meanwhile.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      (url) => url.pathname === '/admin/alerts' && url.searchParams.has('_data'),
      async (route) => {
        if (route.request().method() === 'POST') await held;
        await route.continue();
      },
    );
    await page.getByRole('button', { name: t('admin:alerts.acknowledge'), exact: true }).first().click();
    const pending = page.getByRole('button', { name: t('common:pending.working'), exact: true });
    await pending.waitFor();
    expect(await pending.getAttribute('aria-disabled')).toBe('true');
    release();
    await page.getByText(t('admin:alerts.acknowledgedNow'), { exact: true }).waitFor();
    await page.unrouteAll();
    expect(await fitsThePhone(page)).toBe(true);

    const nav = page.getByRole('navigation', { name: t('admin:nav.label'), exact: true });
    for (const [title, pageTitle] of [
      ['titles.auditTrail', 'admin:trail.title'],
      ['titles.canaries', 'admin:canaries.title'],
      ['titles.quotas', 'admin:quotas.title'],
    ] as const) {
      await nav.getByRole('link', { name: t(title), exact: true }).click();
      await heading(page, t(pageTitle));
      await waitForHydration(page).catch(() => undefined);
      expect(await fitsThePhone(page)).toBe(true);
    }

    await nav.getByRole('link', { name: t('titles.canaries'), exact: true }).click();
    await heading(page, t('admin:canaries.title'));
    await waitForHydration(page).catch(() => undefined);
    const retire = page
      .getByRole('button', { name: t('admin:canaries.retireDecoy', { name: 'Mikola Dubrouski' }), exact: true })
      .or(page.getByRole('button', { name: t('admin:canaries.unmark', { name: 'Mikola Dubrouski' }), exact: true }));
    await retire.click();
    const dialog = page.getByRole('dialog', { name: t('admin:canaries.retireQuestion', { name: 'Mikola Dubrouski' }), exact: true });
    await dialog.getByRole('button', { name: t('admin:canaries.retireConfirm'), exact: true }).click();
    await page.getByText(t('admin:canaries.retired'), { exact: true }).waitFor();
    const [retired] = await running.database.sql`select is_canary from app.profiles where id = ${canaryId}`;
    expect(retired!.is_canary).toBe(false);
    expect(await fitsThePhone(page)).toBe(true);

    await nav.getByRole('link', { name: t('titles.quotas'), exact: true }).click();
    await heading(page, t('admin:quotas.title'));
    await waitForHydration(page).catch(() => undefined);
    const search = page.locator('form#quota-search');
    const limit = search.getByLabel(t('admin:quotas.limit'), { exact: true });
    await limit.fill('0');
    await search.getByRole('button', { name: t('admin:quotas.save'), exact: true }).click();
    await search.getByText(t('admin:errors.quotaLimitRange'), { exact: true }).waitFor();
    const [unchanged] = await running.database.sql`select "limit" from app.quota_limits where action = 'search'`;
    expect(unchanged!.limit).toBe(60);

    await limit.fill('45');
    await search.getByRole('button', { name: t('admin:quotas.save'), exact: true }).click();
    await page.getByText(t('admin:quotas.changesTitle'), { exact: true }).waitFor();
    await expect.poll(async () => (await running.database.sql`select "limit" from app.quota_limits where action = 'search'`)[0]!.limit).toBe(45);
    expect(consoleErrors).toEqual([]);
  });
});
