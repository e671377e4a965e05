import { parseWithZod } from '@conform-to/zod';
import { describe, expect, it } from 'vitest';
import { SavedSearchActionSchema, SaveSearchSchema } from './saved-search-schemas';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

describe('SaveSearchSchema', () => {
  it('trims the name and reads the checkbox', () => {
    expect(parseWithZod(form({ name: '  Lawyers  ', digest: 'on' }), { schema: SaveSearchSchema })).toMatchObject({
      status: 'success',
      value: { name: 'Lawyers', digest: true },
    });
    expect(parseWithZod(form({ name: 'Lawyers' }), { schema: SaveSearchSchema })).toMatchObject({ value: { digest: false } });
  });

  it('names what is wrong with the name, as translation keys', () => {
    const error = (name: string) => {
      const submission = parseWithZod(form({ name }), { schema: SaveSearchSchema });
      return submission.status === 'error' ? submission.error?.name : undefined;
    };
    expect(error('   ')).toEqual(['errors.nameRequired']);
    expect(error('x'.repeat(81))).toEqual(['errors.nameTooLong']);
    expect(error('a\u0007b')).toEqual(['errors.controlCharacters']);
  });
});

describe('SavedSearchActionSchema', () => {
  const id = '6f1c1d8e-2a7b-4c3e-9d5f-0a1b2c3d4e5f';
  it('takes digest on/off and delete for a search id', () => {
    expect(parseWithZod(form({ intent: 'digest', id, digest: 'off' }), { schema: SavedSearchActionSchema }).status).toBe('success');
    expect(parseWithZod(form({ intent: 'delete', id }), { schema: SavedSearchActionSchema }).status).toBe('success');
  });

  it('refuses anything else', () => {
    const wrong: Record<string, string>[] = [{ intent: 'delete', id: 'x' }, { intent: 'digest', id, digest: 'maybe' }, { intent: 'rename', id }];
    for (const fields of wrong) {
      expect(parseWithZod(form(fields), { schema: SavedSearchActionSchema }).status).toBe('error');
    }
  });
});
