import { z } from 'zod';

/** The admin page's forms; messages are keys of the `admin` namespace. */

const note = z
  .string()
  .trim()
  .max(2000, 'errors.noteTooLong')
  .optional()
  .transform((value) => value || null);

export const DecideApplicationSchema = z.object({
  intent: z.enum(['approve', 'reject']),
  applicationId: z.string().uuid(),
  note,
});

export const RevokeRoleSchema = z.object({
  intent: z.literal('revoke'),
  userId: z.string().uuid(),
  role: z.enum(['organizer', 'admin']),
  reason: z.string({ required_error: 'errors.reasonRequired' }).trim().min(1, 'errors.reasonRequired').max(2000, 'errors.reasonTooLong'),
});

export const AdminActionSchema = z.union([DecideApplicationSchema, RevokeRoleSchema]);
export type AdminAction = z.infer<typeof AdminActionSchema>;
