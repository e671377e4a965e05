import bcrypt from 'bcryptjs';

/**
 * bcrypt, as Supabase Auth stores it in auth.users.encrypted_password, so users can move.
 * bcrypt reads only the first 72 bytes of a password; longer ones are refused upstream and here,
 * never silently truncated.
 */

export const PASSWORD_MIN_CHARACTERS = 12;
export const PASSWORD_MAX_BYTES = 72;
const COST = 10;

// A real hash of a random string: comparing against it costs as much as a real check, so an
// unknown address takes as long to refuse as a wrong password.
const DUMMY_HASH = bcrypt.hashSync(crypto.randomUUID(), COST);

export function passwordFitsBcrypt(password: string) {
  return Buffer.byteLength(password, 'utf8') <= PASSWORD_MAX_BYTES;
}

export async function hashPassword(password: string) {
  if (!passwordFitsBcrypt(password)) throw new RangeError('password longer than 72 bytes');
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | null | undefined) {
  if (!passwordFitsBcrypt(password)) return false;
  const matches = await bcrypt.compare(password, hash || DUMMY_HASH);
  return Boolean(hash) && matches;
}
