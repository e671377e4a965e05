import { describe, expect, test } from 'vitest';
import { useBrowser, waitForHydration } from '../support/browser';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { localeTexts } from '../support/locale-texts';
import { codeFor, giveVerifiedFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * Saving a search in Chromium, in Belarusian on a 360 px phone: from the directory's "Save this
 * search" link (which carries the filters) to a named search on the list, its daily e-mail
 * turned off, and deleted after a confirmation back to the empty state, which says what to do
 * next — the page never scrolls sideways.
 */
const running = useSelfHostedApp();
const browser = useBrowser();
const t = localeTexts('be');
const PHONE = { width: 360, height: 740 };

describe('saved searches in Belarusian on a phone', () => {
  test('save from the directory, switch the e-mail, delete', async () => {
    const sql = running.database.sql;
    const organizer = await createUser(sql, { roles: ['organizer'] });
    const secret = await giveVerifiedFactor(sql, organizer.userId);
    const { page, consoleErrors } = await browser.openPage({ baseURL: running.app.url, locale: 'be-BY', viewport: PHONE });

    await page.goto('/directory?city=Wilno');
    await waitForHydration(page);
    await page.getByLabel(t('auth:fields.email'), { exact: true }).fill(organizer.email);
    await page.getByLabel(t('auth:fields.password'), { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('main').getByRole('button', { name: t('auth:signIn.submit'), exact: true }).click();
    await page.getByLabel(t('security:fields.code'), { exact: true }).fill(codeFor(secret));
    await page.getByRole('main').getByRole('button', { name: t('security:secondFactor.submit'), exact: true }).click();
    await page.getByRole('heading', { name: t('directory:title'), exact: true }).first().waitFor();

    await page.getByRole('link', { name: t('directory:results.save'), exact: true }).click();
    await page.getByRole('heading', { name: t('savedSearches:new.title'), exact: true }).waitFor();
    expect(new URL(page.url()).search).toBe('?city=Wilno');
    await page.getByText(t('savedSearches:summary.city').replace('{{value}}', 'Wilno'), { exact: true }).waitFor();
    await waitForHydration(page);

    // Refused without a name, then saved with one.
    await page.getByRole('button', { name: t('savedSearches:new.submit'), exact: true }).click();
    await page.getByText(t('savedSearches:errors.nameRequired'), { exact: true }).waitFor();
    await page.getByLabel(t('savedSearches:new.name'), { exact: true }).fill('Юрысты ў Вільні');
    expect(await page.getByLabel(t('savedSearches:new.digest'), { exact: true }).isChecked()).toBe(true);
    await page.getByRole('button', { name: t('savedSearches:new.submit'), exact: true }).click();
    await page.getByText(t('savedSearches:list.saved'), { exact: true }).waitFor();

    const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Юрысты ў Вільні', exact: true }) });
    await card.getByText(t('savedSearches:list.digestOn'), { exact: true }).waitFor();
    expect(await card.getByRole('link', { name: t('savedSearches:list.openLabel').replace('{{name}}', 'Юрысты ў Вільні') }).getAttribute('href')).toBe(
      '/directory?city=Wilno',
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await card.getByRole('button', { name: t('savedSearches:list.turnOff'), exact: true }).click();
    await page.getByText(t('savedSearches:list.digestTurnedOff'), { exact: true }).waitFor();
    await card.getByText(t('savedSearches:list.digestOff'), { exact: true }).waitFor();

    // Deleting asks first: "No, go back" keeps the search, the confirmation deletes it.
    const deleteLabel = t('savedSearches:list.deleteLabel').replace('{{name}}', 'Юрысты ў Вільні');
    await card.getByRole('button', { name: deleteLabel, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: t('savedSearches:list.deleteTitle').replace('{{name}}', 'Юрысты ў Вільні') });
    await dialog.getByRole('button', { name: t('common:ui.dialog.cancel'), exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card.getByRole('button', { name: deleteLabel, exact: true }).click();
    await dialog.getByRole('button', { name: t('savedSearches:list.deleteConfirm'), exact: true }).click();
    await page.getByText(t('savedSearches:list.deleted'), { exact: true }).waitFor();
    await page.getByRole('heading', { name: t('savedSearches:list.emptyTitle'), exact: true }).waitFor();
    await page.getByText(t('savedSearches:list.empty'), { exact: true }).waitFor();
    await page.getByRole('main').getByRole('link', { name: t('savedSearches:list.toDirectory'), exact: true }).waitFor();
    expect(await sql`select 1 from app.saved_searches where organizer_id = ${organizer.userId}`).toHaveLength(0);
    expect(consoleErrors).toEqual([]);
  });
});
