import { z } from 'zod';

/**
 * The organizer's check-in form: one code, as typed or scanned. Case, spaces and dashes do not
 * matter ("k7mq-2xpa" is K7MQ2XPA); the alphabet has no I, O, 0 or 1. Errors are keys of the
 * `attendance` namespace.
 */
export const CHECKIN_CODE = /^[A-HJ-NP-Z2-9]{8}$/;

export function normalizeCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

export const CheckInSchema = z.object({
  code: z
    .string({ required_error: 'errors.codeRequired', invalid_type_error: 'errors.codeRequired' })
    .max(40, 'errors.codeFormat')
    .transform(normalizeCode)
    .pipe(z.string({ required_error: 'errors.codeRequired' }).min(1, 'errors.codeRequired').regex(CHECKIN_CODE, 'errors.codeFormat')),
});
