import { describe, expect, test } from 'vitest';
import { createUser } from '../support/factories';
import { signInAs } from '../support/http-client';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * Pages are UTF-8 through and through: no letter is broken wherever it falls in the response.
 * (React 18's streaming renderer wrote a NUL byte when a Cyrillic letter straddled its 2 KB
 * buffer; shifting the page by one letter at a time puts a letter on every boundary.)
 */
const running = useSelfHostedApp();

describe('pages in Belarusian', () => {
  test('carry no NUL byte and no replacement character, whatever their length', async () => {
    const user = await createUser(running.database.sql);
    const client = await signInAs(running.app.url, user.email, { language: 'be' });
    for (let shift = 1; shift <= 12; shift++) {
      await running.database.sql`update app.profiles set display_name = ${'ў'.repeat(shift)} where id = ${user.userId}`;
      for (const path of ['/account', '/account/profile', '/privacy']) {
        const page = await client.get(path);
        expect([path, shift, page.body.includes('\u0000'), page.body.includes('\uFFFD')]).toEqual([path, shift, false, false]);
      }
    }
  });
});
