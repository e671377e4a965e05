import { z } from 'zod';

/**
 * The second-factor forms' schemas (browser and server). Messages are keys of the `security`
 * namespace. A code may be typed with spaces ("123 456"); they are dropped.
 */

export const CodeSchema = z
  .string({ required_error: 'validation.codeRequired' })
  .transform((value) => value.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'validation.codeFormat'));

export const SecondFactorSchema = z.object({ code: CodeSchema, redirectTo: z.string().optional() });

const FactorIdSchema = z.string().uuid();

export const SecurityFormSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('enrol'), redirectTo: z.string().optional() }),
  z.object({
    intent: z.literal('verify'),
    factorId: FactorIdSchema,
    // Only to show the QR code again after a wrong code; never used to check one.
    secret: z.string().regex(/^[A-Z2-7]{16,64}$/),
    code: CodeSchema,
    redirectTo: z.string().optional(),
  }),
  z.object({ intent: z.literal('remove'), factorId: FactorIdSchema, code: CodeSchema }),
]);
