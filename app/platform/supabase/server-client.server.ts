import { createServerClient, parseCookieHeader, serializeCookieHeader } from '@supabase/ssr';

/**
 * One Supabase client per request, acting as the person who sent it: @supabase/ssr reads that
 * request's cookies (getAll) and collects the cookies to set into a fresh Headers (setAll), which
 * the caller returns with its response when it matters (auth). Every call that goes through the
 * client (Auth, Storage) carries the user's access token from the session cookie, or the anon key
 * when there is none, so Supabase applies its checks and RLS policies to that user.
 *
 * Shared by the Supabase auth and storage adapters; nothing else builds Supabase clients.
 */
export type SupabaseServerOptions = { url: string; anonKey: string; appUrl: string };

class RealtimeUnused {
  constructor() {
    throw new Error('Supabase Realtime is not used by Talaka');
  }
}

export function createSupabaseServerClient(options: SupabaseServerOptions, request: Request) {
  const secure = options.appUrl.startsWith('https:');
  const headers = new Headers();
  const supabase = createServerClient(options.url, options.anonKey, {
    cookies: {
      getAll: () =>
        parseCookieHeader(request.headers.get('Cookie') ?? '').map(({ name, value }) => ({ name, value: value ?? '' })),
      setAll: (cookies) => {
        for (const { name, value, options: cookieOptions } of cookies) {
          headers.append(
            'Set-Cookie',
            serializeCookieHeader(name, value, { ...cookieOptions, httpOnly: true, sameSite: 'lax', secure, path: '/' }),
          );
        }
      },
    },
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure, path: '/' },
    // supabase-js builds a Realtime client eagerly and, on Node 20, refuses to without a
    // WebSocket. We never use Realtime; this transport fails loudly if anything ever tries.
    realtime: { transport: RealtimeUnused as never },
  });
  return { supabase, headers };
}
