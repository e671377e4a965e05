import { z } from 'zod';

/**
 * The forms of the contact flow, used by the browser (conform) and the server alike. Messages
 * are keys of the `contact` namespace. The database checks the same lengths.
 */

// A message and a reason may keep their line breaks, never other control characters.
const CONTROL_CHARACTERS_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const MESSAGE_MAX = 2000;

function longText(field: 'message' | 'reason') {
  return z
    .string({
      required_error: `errors.${field}Required`,
      invalid_type_error: `errors.${field}Required`,
    })
    .trim()
    .min(1, `errors.${field}Required`)
    .max(MESSAGE_MAX, `errors.${field}TooLong`)
    .refine((value) => !CONTROL_CHARACTERS_BUT_LINES.test(value), 'errors.controlCharacters');
}

const requestId = z.string({ required_error: 'errors.unknownRequest' }).uuid('errors.unknownRequest');

/** The organizer's form on a profile page: send a request, or take one back. */
export const SendRequestSchema = z.object({
  intent: z.literal('send'),
  message: longText('message'),
});
export const WithdrawRequestSchema = z.object({
  intent: z.literal('withdraw'),
  requestId,
});
export const OrganizerRequestFormSchema = z.discriminatedUnion('intent', [SendRequestSchema, WithdrawRequestSchema]);

/** The member's answers in their inbox: accept, decline, block the sender, report abuse. */
export const MemberAnswerSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('accept'), requestId }),
  z.object({ intent: z.literal('decline'), requestId }),
  z.object({ intent: z.literal('block'), requestId }),
  z.object({ intent: z.literal('unblock'), requestId }),
  z.object({
    intent: z.literal('report'),
    requestId,
    reason: longText('reason'),
  }),
]);
export type MemberAnswer = z.infer<typeof MemberAnswerSchema>;
