import { z } from 'zod';
import { CANARY_MAX_SKILLS, QUOTA_INTERVALS, QUOTA_LIMIT_MAX, QUOTA_LIMIT_MIN } from './audit-vocabulary';

/** The forms of the oversight pages; messages are keys of the `admin` namespace. */

export const QuotaFormSchema = z.object({
  intent: z.literal('setQuota'),
  action: z.string({ required_error: 'errors.quotaNotFound' }).trim().min(1, 'errors.quotaNotFound').max(64, 'errors.quotaNotFound'),
  limit: z
    .number({ required_error: 'errors.quotaLimitRange', invalid_type_error: 'errors.quotaLimitRange' })
    .int('errors.quotaLimitRange')
    .min(QUOTA_LIMIT_MIN, 'errors.quotaLimitRange')
    .max(QUOTA_LIMIT_MAX, 'errors.quotaLimitRange'),
  interval: z.enum(QUOTA_INTERVALS, { errorMap: () => ({ message: 'errors.quotaInterval' }) }),
});
export type QuotaForm = z.infer<typeof QuotaFormSchema>;

export const AcknowledgeSchema = z.object({
  intent: z.enum(['acknowledgeAlert', 'acknowledgeReport']),
  id: z.string().regex(/^[1-9][0-9]{0,17}$/, 'errors.alertNotFound'),
});

const optionalText = (most: number, message: string) =>
  z
    .string()
    .trim()
    .max(most, message)
    .optional()
    .transform((value) => value || null);

export const CreateCanarySchema = z.object({
  intent: z.literal('create'),
  displayName: z
    .string({ required_error: 'errors.canaryName' })
    .trim()
    .min(2, 'errors.canaryName')
    .max(80, 'errors.canaryName'),
  headline: optionalText(120, 'errors.canaryHeadline'),
  city: z.string({ required_error: 'errors.canaryCity' }).trim().min(1, 'errors.canaryCity').max(64, 'errors.canaryCity'),
  skills: z
    .array(z.string().trim().min(1).max(64), { required_error: 'errors.canarySkills' })
    .min(1, 'errors.canarySkills')
    .max(CANARY_MAX_SKILLS, 'errors.canarySkills'),
  note: optionalText(500, 'errors.canaryNote'),
});
export type CreateCanary = z.infer<typeof CreateCanarySchema>;

export const RetireCanarySchema = z.object({
  intent: z.literal('retire'),
  userId: z.string().uuid('errors.canaryNotFound'),
});

export const CanaryActionSchema = z.discriminatedUnion('intent', [CreateCanarySchema, RetireCanarySchema]);
