import { z } from 'zod';

/**
 * The auth forms' schemas, used in the browser and on the server alike.
 * Messages are translation keys of the `auth` namespace; the form renders them through t().
 */

const PASSWORD_MIN_CHARACTERS = 12;
const PASSWORD_MAX_BYTES = 72;

export const EmailSchema = z
  .string({ required_error: 'validation.emailRequired' })
  .trim()
  .min(1, 'validation.emailRequired')
  .max(254, 'validation.emailInvalid')
  .email('validation.emailInvalid')
  .transform((value) => value.toLowerCase());

/** bcrypt reads 72 bytes; a longer password is refused rather than silently cut. */
export const NewPasswordSchema = z
  .string({ required_error: 'validation.passwordRequired' })
  .min(PASSWORD_MIN_CHARACTERS, 'validation.passwordTooShort')
  .refine((value) => new TextEncoder().encode(value).length <= PASSWORD_MAX_BYTES, 'validation.passwordTooLong');

export const SignUpSchema = z.object({ email: EmailSchema, password: NewPasswordSchema });

export const SignInSchema = z.object({
  email: EmailSchema,
  password: z.string({ required_error: 'validation.passwordRequired' }).min(1, 'validation.passwordRequired'),
  redirectTo: z.string().optional(),
});

export const EmailOnlySchema = z.object({ email: EmailSchema });

export const NewPasswordFormSchema = z
  .object({
    password: NewPasswordSchema,
    confirm: z.string({ required_error: 'validation.passwordRequired' }),
  })
  .refine((value) => value.password === value.confirm, {
    path: ['confirm'],
    message: 'validation.passwordsDiffer',
  });

export const OtpSchema = z.object({
  token_hash: z.string().min(8).max(200),
  type: z.enum(['signup', 'recovery', 'magiclink', 'email']),
});

export const passwordRules = { minCharacters: PASSWORD_MIN_CHARACTERS, maxBytes: PASSWORD_MAX_BYTES };
