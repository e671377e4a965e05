/**
 * Remix sends an action's headers with the page only through the route's `headers` export; the
 * auth forms keep what parent routes set and add Retry-After from a refusal by a rate limit
 * (ADR 026), nothing else of the action's.
 */
export function withRetryAfter({ actionHeaders, parentHeaders }: { actionHeaders: Headers; parentHeaders: Headers }): Headers {
  const headers = new Headers(parentHeaders);
  const retryAfter = actionHeaders.get('Retry-After');
  if (retryAfter) headers.set('Retry-After', retryAfter);
  return headers;
}
