import type { ErrorRequestHandler } from 'express';

/**
 * The answer to an error that reaches express itself instead of Remix (a URL that cannot be
 * decoded, a failure inside the Remix adapter). Express's default handler would print the stack
 * trace outside production and replace our Content-Security-Policy with its own; this one keeps
 * the security headers already set, says only what went wrong in our three languages, and logs
 * the error without anything from the request (no URL: it may hold a token).
 */
export function answerUnhandledErrors(log: (line: string) => void): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = statusOf(error);
    if (status >= 500) log(`Unhandled error: ${error instanceof Error ? error.name : 'unknown'}`);
    res
      .status(status)
      .set('Cache-Control', 'no-store')
      .type('text/plain; charset=utf-8')
      .send(status >= 500 ? 'Нешта пайшло не так. · Something went wrong. · Coś poszło nie tak.' : 'Памылковы запыт. · Bad request. · Błędne żądanie.');
  };
}

function statusOf(error: unknown) {
  const raw = typeof error === 'object' && error !== null ? ((error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode) : undefined;
  return typeof raw === 'number' && raw >= 400 && raw < 600 ? raw : 500;
}
