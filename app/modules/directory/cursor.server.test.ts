import { describe, expect, it } from 'vitest';
import { cursorFromNext, decodeCursor, encodeCursor, type Keyset } from './cursor.server';

const keyset: Keyset = { sort: 'relevance', rank: 0.5714, day: '2026-11-29', id: '3f1c2a9e-8b7d-4c6e-9a5f-1b2c3d4e5f60', page: 2 };

describe('the directory cursor', () => {
  it('round-trips the keyset through an opaque URL-safe string', () => {
    const cursor = encodeCursor(keyset);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain(keyset.id);
    expect(decodeCursor(cursor)).toEqual(keyset);
  });

  it('reads the next key the database returns, and nothing else', () => {
    expect(decodeCursor(cursorFromNext(keyset))).toEqual(keyset);
    expect(cursorFromNext(null)).toBeNull();
    expect(cursorFromNext({ ...keyset, extra: 1 })).toBeNull();
  });

  it('treats a cut, edited or invented cursor as no cursor, without throwing', () => {
    const cursor = encodeCursor(keyset);
    const tampered = [
      '',
      cursor.slice(0, -3),
      `${cursor}!`,
      'a'.repeat(1000),
      Buffer.from('not json').toString('base64url'),
      Buffer.from(JSON.stringify({ ...keyset, id: "x' or 1=1 --" })).toString('base64url'),
      Buffer.from(JSON.stringify({ ...keyset, rank: 'NaN' })).toString('base64url'),
      Buffer.from(JSON.stringify({ ...keyset, day: 'tomorrow' })).toString('base64url'),
      Buffer.from(JSON.stringify({ ...keyset, sort: 'salary' })).toString('base64url'),
      Buffer.from(JSON.stringify([keyset])).toString('base64url'),
    ];
    for (const value of tampered) expect(decodeCursor(value), value).toBeNull();
    expect(decodeCursor(null)).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
  });
});
