import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { useBrowser, waitForHydration } from '../support/browser';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { localeTexts, type Texts } from '../support/locale-texts';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * Deleting a file cannot be undone, so the page asks once more: with JavaScript in a modal
 * dialog (Escape or "No" keeps the photo and gives the focus back), without it in place.
 */

const running = useSelfHostedApp();
const browser = useBrowser();

let photo = '';
beforeAll(async () => {
  photo = path.join(await mkdtemp(path.join(tmpdir(), 'talaka-photo-')), 'me.jpg');
  await sharp({ create: { width: 320, height: 240, channels: 3, background: '#6a8caf' } }).jpeg().toFile(photo);
});
afterAll(() => rm(path.dirname(photo), { recursive: true, force: true }));

test('with JavaScript, deleting the photo asks in a dialog; going back keeps it, confirming deletes it', async () => {
  const t = localeTexts('en');
  const { page, consoleErrors } = await signedInWithPhoto(t, 'en-GB', true);
  const main = page.getByRole('main');
  const trigger = main.getByRole('button', { name: t('files:photo.remove'), exact: true });

  await trigger.click();
  const dialog = page.getByRole('dialog', { name: t('files:photo.removeTitle'), exact: true });
  await dialog.getByText(t('files:photo.removeExplanation'), { exact: true }).waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  expect(await trigger.evaluate((element) => element === document.activeElement)).toBe(true);
  await main.getByRole('img', { name: t('files:photo.currentAlt'), exact: true }).waitFor();

  await trigger.click();
  await dialog.getByRole('button', { name: t('files:photo.removeConfirm'), exact: true }).click();
  await main.getByRole('status').filter({ hasText: t('files:done.photoRemoved') }).waitFor();
  await main.getByRole('img', { name: t('files:photo.avatarAlt'), exact: true }).waitFor();
  expect(consoleErrors).toEqual([]);
});

test('without JavaScript, the same question opens in place and deletes the photo', async () => {
  const t = localeTexts('be');
  const { page } = await signedInWithPhoto(t, 'be', false);
  const main = page.getByRole('main');

  await main.getByText(t('files:photo.remove'), { exact: true }).click();
  await main.getByText(t('files:photo.removeExplanation'), { exact: true }).waitFor();
  await main.getByRole('button', { name: t('files:photo.removeConfirm'), exact: true }).click();
  await main.getByRole('status').filter({ hasText: t('files:done.photoRemoved') }).waitFor();
  await main.getByRole('img', { name: t('files:photo.avatarAlt'), exact: true }).waitFor();
});

/** A member signed in on the files page with a photo uploaded, scripts on or off. */
async function signedInWithPhoto(t: Texts, locale: string, javaScript: boolean) {
  const member = await createUser(running.database.sql);
  const opened = await browser.openPage({ baseURL: running.app.url, locale, javaScriptEnabled: javaScript });
  const { page } = opened;
  await page.goto('/sign-in');
  if (javaScript) await waitForHydration(page);
  await page.getByLabel(t('auth:fields.email'), { exact: true }).fill(member.email);
  await page.getByLabel(t('auth:fields.password'), { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: t('auth:signIn.submit'), exact: true }).click();
  await heading(page, t('auth:account.title'));
  await page.goto('/account/files');
  if (javaScript) await waitForHydration(page);
  const main = page.getByRole('main');
  await main.getByLabel(t('files:photo.chooseLabel'), { exact: true }).setInputFiles(photo);
  await main.getByRole('button', { name: t('files:photo.upload'), exact: true }).click();
  await main.getByRole('img', { name: t('files:photo.currentAlt'), exact: true }).waitFor();
  if (javaScript) await waitForHydration(page);
  return opened;
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
