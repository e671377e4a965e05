import type { AppLoadContext, EntryContext } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { createInstance } from 'i18next';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import i18nConfig from '~/i18n/config';
import { NonceProvider } from '~/components/layout/nonce';
import { createServerI18n } from '~/platform/i18n-instance.server';
import { detectLanguage, i18nServer } from '~/platform/i18n.server';

/**
 * One i18next instance per request, in the request's language, then the page rendered whole.
 *
 * Not streamed: React 18's renderToPipeableStream writes its whole 2 KB buffer when a multi-byte
 * character does not fit at the end, so a Cyrillic letter on a buffer boundary became a NUL byte
 * plus a broken letter (seen on the Belarusian account page). Our pages are small and defer
 * nothing, so rendering to a string costs nothing noticeable. See docs/decisions/014.
 */
export default async function handleRequest(
  request: Request,
  status: number,
  headers: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === 'string' ? loadContext.cspNonce : undefined;
  const language = await detectLanguage(request);
  const namespaces = i18nServer.getRouteNamespaces(remixContext);
  const i18n = await createServerI18n(createInstance().use(initReactI18next), language, namespaces, i18nConfig);
  const html = renderToString(
    <NonceProvider value={nonce}>
      <I18nextProvider i18n={i18n}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </I18nextProvider>
    </NonceProvider>,
  );
  headers.set('Content-Type', 'text/html; charset=utf-8');
  // Pages are personal: nothing may keep a copy (a shared or seized device, a proxy).
  headers.set('Cache-Control', 'no-store');
  return new Response(`<!DOCTYPE html>${html}`, { headers, status });
}

/** Loader and action data is personal too. */
export function handleDataRequest(response: Response) {
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

/** Errors from loaders and actions: logged without request data; the page shows a friendly message. */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error instanceof Error ? (error.stack ?? error.message) : 'Unknown error');
}
