import { z } from 'zod';

/**
 * The "How to reach you" step: one optional field per channel, each stored in one normal form,
 * so that whoever the member later lets in (the organizers' contact flow) reads the same thing
 * whatever was typed. Nothing typed, or only spaces, means no channel. Used by the browser and
 * the server alike; messages are keys of the `profile` namespace.
 */

const EMAIL_MAX = 120; // app.contact_channels.value holds 3 to 120 characters
const TELEGRAM_NAME = /^[A-Za-z0-9_]{5,32}$/;
/** t.me/name, https://t.me/name, telegram.me/@name/ … — the name is checked on its own. */
const TELEGRAM_LINK = /^(?:https?:\/\/)?(?:www\.)?(?:t|telegram)\.me\/@?([^/?#]*)\/?$/i;
/** Signal's own form: a nickname (3–32, not starting with a digit), a dot, and two digits or more. */
const SIGNAL_USERNAME = /^[A-Za-z_][A-Za-z0-9_]{2,31}\.\d{2,9}$/;
const PHONE_TYPED = /^\+[\d\s-]+$/;

/** `+` and 7–15 digits; spaces and dashes as typed are dropped. */
export function normalisePhone(typed: string): string | null {
  if (!PHONE_TYPED.test(typed)) return null;
  const digits = typed.slice(1).replace(/[\s-]/g, '');
  return digits.length >= 7 && digits.length <= 15 ? `+${digits}` : null;
}

/** `@name`, `name` or a t.me link, always stored as `@name`. */
export function normaliseTelegram(typed: string): string | null {
  const name = TELEGRAM_LINK.exec(typed)?.[1] ?? typed.replace(/^@/, '');
  return TELEGRAM_NAME.test(name) ? `@${name}` : null;
}

/** A Signal username (`name.01`, an `@` before it dropped) or a phone number. */
export function normaliseSignal(typed: string): string | null {
  if (typed.startsWith('+')) return normalisePhone(typed);
  const name = typed.replace(/^@/, '');
  return SIGNAL_USERNAME.test(name) ? name : null;
}

function normaliseEmail(typed: string, ctx: z.RefinementCtx): string | null {
  if (typed.length > EMAIL_MAX) return refuse(ctx, 'errors.emailTooLong');
  return z.string().email().safeParse(typed).success ? typed : refuse(ctx, 'errors.emailInvalid');
}

function refuse(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: z.ZodIssueCode.custom, message });
  return z.NEVER;
}

/** One optional channel: trimmed, empty is null, anything else normalised or refused. */
function channel(normalise: (typed: string, ctx: z.RefinementCtx) => string | null, invalid: string) {
  return z
    .string({ invalid_type_error: invalid })
    .trim()
    .optional()
    .transform((typed, ctx) => (typed ? (normalise(typed, ctx) ?? refuse(ctx, invalid)) : null));
}

export const ContactSchema = z.object({
  email: channel(normaliseEmail, 'errors.emailInvalid'),
  telegram: channel(normaliseTelegram, 'errors.telegramInvalid'),
  signal: channel(normaliseSignal, 'errors.signalInvalid'),
  phone: channel(normalisePhone, 'errors.phoneInvalid'),
});
