import { z } from 'zod';

/**
 * The saved-search forms, used by the browser (conform) and by the server alike. Messages are
 * keys of the `savedSearches` namespace. The database checks the same limits.
 */

export const SAVED_SEARCH_LIMITS = { name: 80, perOrganizer: 20 } as const;

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** Naming the search the organizer came with (its filters travel in the page's query string). */
export const SaveSearchSchema = z.object({
  name: z
    .string({ required_error: 'errors.nameRequired', invalid_type_error: 'errors.nameRequired' })
    .trim()
    .min(1, 'errors.nameRequired')
    .max(SAVED_SEARCH_LIMITS.name, 'errors.nameTooLong')
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'errors.controlCharacters'),
  digest: z.boolean().optional().default(false),
});
export type SaveSearch = z.infer<typeof SaveSearchSchema>;

const SearchId = z.string({ required_error: 'errors.notFound' }).uuid('errors.notFound');

/** The buttons on the list: digest on or off, delete. */
export const SavedSearchActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('digest'), id: SearchId, digest: z.enum(['on', 'off'], { message: 'errors.notFound' }) }),
  z.object({ intent: z.literal('delete'), id: SearchId }),
]);
export type SavedSearchAction = z.infer<typeof SavedSearchActionSchema>;
