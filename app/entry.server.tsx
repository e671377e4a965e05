import { PassThrough } from 'node:stream';
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { createInstance } from 'i18next';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import i18nConfig from '~/i18n/config';
import { NonceProvider } from '~/components/layout/nonce';
import { createServerI18n } from '~/platform/i18n-instance.server';
import { detectLanguage, i18nServer } from '~/platform/i18n.server';

const ABORT_DELAY = 5_000;

/** One i18next instance per request, in the request's language, then React streams the page. */
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
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true;
          const body = new PassThrough();
          headers.set('Content-Type', 'text/html; charset=utf-8');
          // Pages are personal: nothing may keep a copy (a shared or seized device, a proxy).
          headers.set('Cache-Control', 'no-store');
          resolve(new Response(createReadableStreamFromReadable(body), { headers, status }));
          pipe(body);
        },
        onShellError: reject,
        onError(error: unknown) {
          status = 500;
          // Log the failure, never the request's data.
          if (shellRendered) console.error(error instanceof Error ? `${error.name}: ${error.message}` : 'render error');
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
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
