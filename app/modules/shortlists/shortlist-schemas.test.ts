import { describe, expect, it } from 'vitest';
import { AddToListSchema, ListActionSchema, NoteSchema } from './shortlist-schemas';

const member = '3f1b7c5e-8a61-4d0e-9c52-2a3f6b1d9e40';

describe('shortlist forms', () => {
  it('trims a list name and refuses an empty or over-long one with translation keys', () => {
    expect(ListActionSchema.parse({ intent: 'create', name: '  Lawyers ' })).toEqual({ intent: 'create', name: 'Lawyers' });
    const empty = ListActionSchema.safeParse({ intent: 'create', name: '   ' });
    expect(empty.success ? null : empty.error.issues[0]?.message).toBe('errors.nameRequired');
    const long = ListActionSchema.safeParse({ intent: 'create', name: 'x'.repeat(81) });
    expect(long.success ? null : long.error.issues[0]?.message).toBe('errors.nameTooLong');
  });

  it('turns an empty note into none and refuses one over 1000 characters', () => {
    expect(NoteSchema.parse({ intent: 'note', memberId: member, note: '  ' }).note).toBeNull();
    const long = NoteSchema.safeParse({ intent: 'note', memberId: member, note: 'n'.repeat(1001) });
    expect(long.success ? null : long.error.issues[0]?.message).toBe('errors.noteTooLong');
  });

  it('asks for a name when adding to a new list, and for a list at all', () => {
    const unnamed = AddToListSchema.safeParse({ memberId: member, listId: 'new' });
    expect(unnamed.success ? null : unnamed.error.issues.map((issue) => issue.message)).toEqual(['errors.nameRequired']);
    const none = AddToListSchema.safeParse({ memberId: member, listId: 'garbage' });
    expect(none.success ? null : none.error.issues[0]?.message).toBe('errors.chooseList');
    expect(AddToListSchema.safeParse({ memberId: 'not-an-id', listId: 'new', newName: 'A' }).success).toBe(false);
  });
});
