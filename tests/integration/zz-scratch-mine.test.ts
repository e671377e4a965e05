import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { createClient, latestMail, inputValues } from '../support/http-client';
import { writeFileSync } from 'node:fs';
let app: AppServer; let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); app = await startApp({ env: { DATABASE_URL: t.url } }); });
afterAll(async () => { await app?.stop(); await t?.drop(); });
test('explore', async () => {
  const u = await createUser(t.sql);
  for (const r of ['/ж', '/a\nb', '/a\u0000b', '/ok', '/a\tb', '/\u2028x']) {
    const c = createClient(app.url, { headers: { 'Accept-Language': 'en' } });
    const p = await c.postForm('/sign-in', { email: u.email, password: TEST_PASSWORD, redirectTo: r }).catch(e => ({ status: 'ERR ' + e.message, location: '', body: '' }));
    console.log(JSON.stringify(r), p.status, p.location, p.body.slice(0, 100));
  }
  const c = createClient(app.url);
  const h = await fetch(app.url + '/healthz'); console.log(h.status);
  for (const path of ['/sign-up', '/forgot-password', '/magic-link']) {
    const a = await c.postForm(path, { email: u.email, password: 'long enough password' });
    const b = await c.postForm(path, { email: 'nobody-xyz@example.org', password: 'long enough password' });
    writeFileSync('/tmp/scratch/' + path.slice(1) + '-known.html', a.body);
    writeFileSync('/tmp/scratch/' + path.slice(1) + '-unknown.html', b.body);
  }
  console.log(app.output());
});
