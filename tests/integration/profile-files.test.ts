import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../app/platform/db/client.server';
import { createLocalStorage } from '../../app/platform/storage/local.server';
import { createUser, openProfile } from '../support/factories';
import { createClient, decodeHtml, translation, type HttpClient, signInAs } from '../support/http-client';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * Photos and CVs over HTTP, as a browser without JavaScript sends them. T6: a photo's stored
 * bytes carry no EXIF, XMP, IPTC or ICC data. T7: files reach only those the policies allow;
 * everyone else gets the same 404, whatever they guess.
 */
const running = useSelfHostedApp();

type Member = Identity & { client: HttpClient };
let owner: Member;
let other: Member;
let visitor: HttpClient;

async function signedIn(options: Parameters<typeof createUser>[1] = {}): Promise<Member> {
  const identity = await createUser(running.database.sql, options);
  return { ...identity, client: await signInAs(running.app.url, identity.email, { language: 'en' }) };
}

beforeAll(async () => {
  owner = await signedIn({ displayName: 'Алесь Бяляцкі' });
  other = await signedIn({ roles: ['member', 'organizer'] });
  visitor = createClient(running.app.url);
});

/** Posts the page's upload form the way a browser does (multipart, our Origin). */
async function upload(member: Member, field: 'photo' | 'cv', bytes: Uint8Array, filename: string) {
  const form = new FormData();
  form.append('intent', `upload-${field}`);
  form.append(field, new Blob([new Uint8Array(bytes)]), filename);
  const origin = member.client.origin;
  const response = await fetch(`${origin}/account/files`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: { Cookie: `talaka_session=${member.client.cookie('talaka_session')}`, Origin: origin, 'Accept-Language': 'en' },
  });
  return { status: response.status, location: response.headers.get('location'), text: decodeHtml(await response.text()) };
}

const BUCKETS = { photo: 'avatars', cv: 'documents' } as const;
async function currentPath(userId: string, kind: 'photo' | 'cv'): Promise<string | null> {
  const [row] = await running.database.sql`select photo_path, cv_path from app.profiles where id = ${userId}`;
  return row![`${kind}_path`];
}
const onDisk = (kind: 'photo' | 'cv', objectPath: string) => path.join(running.app.dataDir, 'storage', BUCKETS[kind], ...objectPath.split('/'));
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n%test\n'), Buffer.alloc(size)]);
const error = (key: string, values: Record<string, string> = {}) =>
  Object.entries(values).reduce((text, [name, value]) => text.replace(`{{${name}}}`, value), translation('en', `files:errors.${key}`));

describe('T6: a photo keeps its pixels and nothing else', () => {
  it('a JPEG with GPS and camera EXIF is stored as a WebP of at most 512 px without any metadata', async () => {
    const input = await sharp({ create: { width: 1200, height: 600, channels: 3, background: '#6a8caf' } })
      .jpeg()
      .withMetadata({
        orientation: 6,
        exif: {
          IFD0: { Make: 'Canon', Model: 'EOS 5D' },
          IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '53/1 54/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '27/1 34/1 0/1' },
        },
      })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="53,54.0N"/></rdf:RDF></x:xmpmeta>')
      .toBuffer();
    const before = await sharp(input).metadata();
    expect(before.exif?.includes('Canon') && before.exif.includes('EOS 5D')).toBe(true);
    expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS IFD pointer (tag 0x8825, little-endian)
    expect(before.exif?.includes(Buffer.from([53, 0, 0, 0, 1, 0, 0, 0]))).toBe(true); // 53/1: latitude 53°
    expect(before.xmp?.toString()).toContain('GPSLatitude');
    expect(before.icc).toBeDefined();

    expect(await upload(owner, 'photo', input, 'IMG_0001.JPG')).toMatchObject({ status: 302, location: '/account/files?done=photoSaved' });
    const objectPath = (await currentPath(owner.userId, 'photo'))!;
    expect(objectPath).toMatch(new RegExp(`^${owner.userId}/[A-Za-z0-9_-]{32}$`));
    const stored = await readFile(onDisk('photo', objectPath));
    const after = await sharp(stored).metadata();
    expect(after.format).toBe('webp');
    // Orientation 6 turned the 1200 × 600 pixels upright (600 × 1200), then it was scaled to fit 512.
    expect([after.width, after.height]).toEqual([256, 512]);
    expect(after).not.toHaveProperty('exif');
    expect(after).not.toHaveProperty('icc');
    expect(after).not.toHaveProperty('iptc');
    expect(after).not.toHaveProperty('xmp');
    expect(after.orientation).toBeUndefined();
    for (const marker of ['Canon', 'EOS', 'Exif', 'EXIF', 'GPS', 'XMP', 'xmpmeta', 'ICCP', 'ICC_PROFILE']) {
      expect(stored.includes(marker), marker).toBe(false);
    }
  });

  it('PNG, WebP and GIF are accepted and stored as WebP; the replaced photo is deleted', async () => {
    const member = await signedIn();
    const canvas = () => sharp({ create: { width: 40, height: 30, channels: 4, background: '#c0392b' } });
    let previous: string | null = null;
    for (const [name, bytes] of [['a.png', await canvas().png().toBuffer()], ['b.webp', await canvas().webp().toBuffer()], ['c.gif', await canvas().gif().toBuffer()]] as const) {
      expect((await upload(member, 'photo', bytes, name)).status, name).toBe(302);
      const current = (await currentPath(member.userId, 'photo'))!;
      expect(await sharp(await readFile(onDisk('photo', current))).metadata()).toMatchObject({ format: 'webp', width: 40, height: 30 });
      if (previous) expect(existsSync(onDisk('photo', previous)), name).toBe(false);
      previous = current;
    }
  });

  it('refuses what is not an image, HEIC, and decompression bombs, with a message and a 400', async () => {
    const member = await signedIn();
    const text = await upload(member, 'photo', Buffer.from('just some text, not a picture'), 'photo.jpg');
    expect(text.status).toBe(400);
    expect(text.text).toContain(error('photoNotImage'));
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic'), Buffer.alloc(64)]);
    expect((await upload(member, 'photo', heic, 'IMG_0002.HEIC')).text).toContain(translation('en', 'files:errors.photoHeic'));
    // A 1 × 1 PNG whose header claims 30000 × 30000 pixels: refused from the header, never decoded.
    const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } }).png().toBuffer();
    png.writeUInt32BE(30_000, 16);
    png.writeUInt32BE(30_000, 20);
    png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
    const bomb = await upload(member, 'photo', png, 'bomb.png');
    expect(bomb.status).toBe(400);
    expect(bomb.text).toContain(error('photoTooManyPixels', { megapixels: '40' }));
    const empty = await upload(member, 'photo', new Uint8Array(), '');
    expect(empty.text).toContain(translation('en', 'files:errors.chooseFile'));
    expect(await currentPath(member.userId, 'photo')).toBeNull();
  });
});

describe('T7: a photo reaches only those its owner opened it to', () => {
  const notFound = async (client: HttpClient, target: string) => {
    const page = await client.get(target);
    expect(page.status, target).toBe(404);
    return page.body;
  };

  it('is served to its owner with headers that keep it private', async () => {
    const page = await fetch(`${running.app.url}/files/photo/${owner.userId}`, { headers: { Cookie: `talaka_session=${owner.client.cookie('talaka_session')}` } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('image/webp');
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    expect(page.headers.get('x-content-type-options')).toMatch(/^nosniff/);
    expect(page.headers.get('content-disposition')).toBe('inline');
    expect((await sharp(Buffer.from(await page.arrayBuffer())).metadata()).format).toBe('webp');
  });

  it('gives another member and a visitor the same 404 as a missing photo or a malformed id while hidden', async () => {
    const nobody = await createUser(running.database.sql);
    const expected = await notFound(other.client, `/files/photo/${nobody.userId}`);
    expect(await notFound(other.client, `/files/photo/${owner.userId}`)).toBe(expected);
    expect(await notFound(visitor, `/files/photo/${owner.userId}`)).toBe(expected);
    expect(await notFound(other.client, '/files/photo/not-a-uuid')).toBe(expected);
    expect(await notFound(other.client, `/files/photo/${owner.userId.toUpperCase()}`)).toBe(expected);
  });

  it('once opened to members: another member gets it, a visitor still does not', async () => {
    await openProfile(running.database.sql, owner.userId, { photo: 'members' });
    expect((await other.client.get(`/files/photo/${owner.userId}`)).status).toBe(200);
    await notFound(visitor, `/files/photo/${owner.userId}`);
  });

  it('an object that is not the current photo, or a guessed path, gives nothing to others', async () => {
    const storage = createLocalStorage({ db: running.database.db, root: path.join(running.app.dataDir, 'storage') });
    const as = (identity: Identity) => ({ identity, request: new Request(running.app.url) });
    const old = `${owner.userId}/an-older-photo-kept-around`;
    const bytes = await readFile(onDisk('photo', (await currentPath(owner.userId, 'photo'))!));
    expect(await storage.upload(as(owner), { bucket: 'avatars', path: old, bytes, contentType: 'image/webp' })).toBe(true);
    expect(await storage.download(as(owner), { bucket: 'avatars', path: old })).not.toBeNull();
    expect(await storage.download(as(other), { bucket: 'avatars', path: old })).toBeNull();
    expect(await storage.download(as(other), { bucket: 'avatars', path: `${owner.userId}/guessed-name-123` })).toBeNull();
    for (const target of [`/files/photo/${owner.userId}/an-older-photo-kept-around`, `/files/photo/${encodeURIComponent(old)}`, '/files/photo/..%2F..%2Fetc%2Fpasswd']) {
      const page = await other.client.get(target);
      expect(page.status, target).toBe(404);
      expect(page.headers.get('content-type'), target).not.toBe('image/webp');
    }
  });

  it('removing the photo deletes the file and the owner sees the avatar again', async () => {
    const objectPath = (await currentPath(owner.userId, 'photo'))!;
    expect((await owner.client.postForm('/account/files', { intent: 'remove-photo' })).location).toBe('/account/files?done=photoRemoved');
    expect(await currentPath(owner.userId, 'photo')).toBeNull();
    expect(existsSync(onDisk('photo', objectPath))).toBe(false);
    await notFound(owner.client, `/files/photo/${owner.userId}`);
    expect((await owner.client.get('/account/files')).body).toContain(`/files/avatar/${owner.userId}`);
  });
});

describe('T7: a CV reaches nobody but its owner (no contact flow yet)', () => {
  it('is stored when it is a PDF of at most 5 MB, and shown to its owner with its name', async () => {
    expect((await upload(owner, 'cv', pdf(1000), 'CV Ales.pdf')).location).toBe('/account/files?done=cvSaved');
    const objectPath = (await currentPath(owner.userId, 'cv'))!;
    expect((await readFile(onDisk('cv', objectPath))).subarray(0, 5).toString()).toBe('%PDF-');
    const page = decodeHtml((await owner.client.get('/account/files')).body);
    expect(page).toContain('CV Ales.pdf');
    expect(page).toContain(translation('en', 'files:cv.privacy'));
    const file = await owner.client.get(`/files/cv/${owner.userId}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="cv.pdf"');
    expect(file.headers.get('cache-control')).toBe('private, no-store');
  });

  it('stays 404 for an organizer, another member and a visitor, even with cv_audience = organizers', async () => {
    await openProfile(running.database.sql, owner.userId, { cv: 'organizers' });
    for (const client of [other.client, visitor]) {
      expect((await client.get(`/files/cv/${owner.userId}`)).status).toBe(404);
    }
  });

  it('refuses a file named .pdf that is not one, and a PDF over 5 MB, keeping the current CV', async () => {
    const current = await currentPath(owner.userId, 'cv');
    const fake = await upload(owner, 'cv', Buffer.from('PK\u0003\u0004 a Word file in disguise'), 'cv.pdf');
    expect(fake.status).toBe(400);
    expect(fake.text).toContain(error('cvNotPdf'));
    const big = await upload(owner, 'cv', pdf(6 * 1024 * 1024), 'big.pdf');
    expect(big.status).toBe(400);
    expect(big.text).toContain(error('cvTooLarge', { max: '5 MB' }));
    expect(await currentPath(owner.userId, 'cv')).toBe(current);
  });

  it('removing the CV deletes the file', async () => {
    const objectPath = (await currentPath(owner.userId, 'cv'))!;
    expect((await owner.client.postForm('/account/files', { intent: 'remove-cv' })).location).toBe('/account/files?done=cvRemoved');
    expect(existsSync(onDisk('cv', objectPath))).toBe(false);
    expect((await owner.client.get(`/files/cv/${owner.userId}`)).status).toBe(404);
  });
});

describe('the generated avatar', () => {
  it('shows initials only to viewers who may see the name, and a silhouette to everyone else', async () => {
    const hidden = await visitor.get(`/files/avatar/${owner.userId}`);
    expect(hidden.status).toBe(200);
    expect(hidden.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(hidden.headers.get('cache-control')).toBe('private, no-store');
    expect(hidden.body).not.toContain('<text');
    expect((await other.client.get(`/files/avatar/${owner.userId}`)).body).toBe(hidden.body);
    expect((await owner.client.get(`/files/avatar/${owner.userId}`)).body).toContain('>АБ</text>');
    await openProfile(running.database.sql, owner.userId, { identity: 'members' });
    expect((await other.client.get(`/files/avatar/${owner.userId}`)).body).toContain('>АБ</text>');
    expect((await visitor.get(`/files/avatar/${owner.userId}`)).body).toBe(hidden.body);
    expect((await visitor.get('/files/avatar/<script>')).status).toBe(404);
  });
});

describe('the page', () => {
  it('asks a visitor to sign in, and refuses a post that is no known form', async () => {
    expect((await visitor.get('/account/files')).location).toBe('/sign-in?redirectTo=%2Faccount%2Ffiles');
    expect((await owner.client.postForm('/account/files', { intent: 'nonsense' })).status).toBe(400);
    expect((await owner.client.postForm('/account/files', 'garbage', { headers: { 'Content-Type': 'multipart/form-data; boundary=x' } })).status).toBe(400);
  });

  it('answers random and malformed bodies without a 500 (T15)', async () => {
    const boundary = '----talaka';
    const part = (name: string, body: string, filename?: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename === undefined ? '' : `; filename="${filename}"`}\r\n\r\n${body}\r\n`;
    const bodies = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.array(fc.tuple(fc.constantFrom('intent', 'photo', 'cv', 'x', '__proto__'), fc.string({ maxLength: 2000 }), fc.option(fc.string({ maxLength: 30 }), { nil: undefined })), { maxLength: 12 })
        .map((parts) => `${parts.map(([name, body, filename]) => part(name, body, filename)).join('')}--${boundary}--\r\n`),
    );
    const types = fc.constantFrom(`multipart/form-data; boundary=${boundary}`, 'multipart/form-data', 'application/x-www-form-urlencoded', 'text/plain');
    await fc.assert(
      fc.asyncProperty(bodies, types, async (body, type) => {
        const page = await owner.client.postForm('/account/files', body, { headers: { 'Content-Type': type } });
        expect(page.status, `${type} ${JSON.stringify(body).slice(0, 200)}`).toBeLessThan(500);
      }),
      { numRuns: 80 },
    );
  });

  it('is written in Belarusian by default, with the note that photo metadata is removed', async () => {
    const page = await owner.client.get('/account/files', { headers: { 'Accept-Language': 'be' } });
    expect(decodeHtml(page.body)).toContain(translation('be', 'files:photo.privacy'));
  });
});
