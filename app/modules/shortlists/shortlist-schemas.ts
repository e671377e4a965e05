import { z } from 'zod';

/**
 * The shortlist pages' forms, one schema per form, shared by browser and server. Messages are
 * keys of the `shortlists` namespace. The database checks the same limits again (names 1–80,
 * notes up to 1000 characters) and answers with the same keys.
 */

export const NAME_MAX = 80;
export const NOTE_MAX = 1000;

const id = z.string({ required_error: 'errors.invalid' }).uuid('errors.invalid');

const listName = z
  .string({ required_error: 'errors.nameRequired' })
  .trim()
  .min(1, 'errors.nameRequired')
  .max(NAME_MAX, 'errors.nameTooLong');

/** Optional; empty means "no note". */
const note = z
  .string()
  .trim()
  .max(NOTE_MAX, 'errors.noteTooLong')
  .optional()
  .transform((value) => value || null);

/** The member id in `/organizer/shortlists/add?member=<id>`. */
export const MemberIdSchema = id;

/** /organizer/shortlists: create, rename, delete. */
export const CreateListSchema = z.object({ intent: z.literal('create'), name: listName });
export const RenameListSchema = z.object({ intent: z.literal('rename'), listId: id, name: listName });
export const DeleteListSchema = z.object({ intent: z.literal('delete'), listId: id });
export const ListActionSchema = z.discriminatedUnion('intent', [CreateListSchema, RenameListSchema, DeleteListSchema]);
export type ListAction = z.infer<typeof ListActionSchema>;

/** /organizer/shortlists/<id>: edit a note, remove a member. */
export const NoteSchema = z.object({ intent: z.literal('note'), memberId: id, note });
export const RemoveSchema = z.object({ intent: z.literal('remove'), memberId: id });
export const EntryActionSchema = z.discriminatedUnion('intent', [NoteSchema, RemoveSchema]);
export type EntryAction = z.infer<typeof EntryActionSchema>;

/**
 * /organizer/shortlists/add: an existing list (`listId`) or a new one (`listId` = "new" and a
 * `newName`), and an optional note.
 */
export const AddToListSchema = z
  .object({
    memberId: id,
    listId: z
      .string({ required_error: 'errors.chooseList' })
      .refine((value) => value === 'new' || z.string().uuid().safeParse(value).success, 'errors.chooseList'),
    newName: z.string().trim().max(NAME_MAX, 'errors.nameTooLong').optional(),
    note,
  })
  .superRefine((value, context) => {
    if (value.listId === 'new' && !value.newName) {
      context.addIssue({ code: 'custom', path: ['newName'], message: 'errors.nameRequired' });
    }
  });
export type AddToList = z.infer<typeof AddToListSchema>;
