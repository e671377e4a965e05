import { z } from 'zod';

/**
 * The organizer application form, used by the browser (conform) and by the server alike.
 * Messages are keys of the `organizers` namespace. The database checks the same lengths.
 */

// Control characters have no business in any of these; motivation may keep its line breaks.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const CONTROL_CHARACTERS_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function text(min: number, max: number, field: string, { multiline = false } = {}) {
  const forbidden = multiline ? CONTROL_CHARACTERS_BUT_LINES : CONTROL_CHARACTERS;
  return z
    .string({ required_error: `errors.${field}Required`, invalid_type_error: `errors.${field}Required` })
    .trim()
    .min(min, `errors.${field}TooShort`)
    .max(max, `errors.${field}TooLong`)
    .refine((value) => !forbidden.test(value), 'errors.controlCharacters');
}

export const ApplicationLimits = {
  organization: [2, 200],
  roleInOrganization: [2, 200],
  motivation: [20, 4000],
  reference: [5, 1000],
} as const;

export const OrganizerApplicationSchema = z.object({
  intent: z.literal('apply'),
  organization: text(...ApplicationLimits.organization, 'organization'),
  roleInOrganization: text(...ApplicationLimits.roleInOrganization, 'roleInOrganization'),
  motivation: text(...ApplicationLimits.motivation, 'motivation', { multiline: true }),
  reference: text(...ApplicationLimits.reference, 'reference', { multiline: true }),
});
export type OrganizerApplication = z.infer<typeof OrganizerApplicationSchema>;

export const WithdrawApplicationSchema = z.object({
  intent: z.literal('withdraw'),
  applicationId: z.string().uuid(),
});

export const ApplicationFormSchema = z.discriminatedUnion('intent', [OrganizerApplicationSchema, WithdrawApplicationSchema]);
