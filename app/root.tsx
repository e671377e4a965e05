import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeLanguage } from 'remix-i18next/react';
import { ErrorPage } from '~/components/layout/error-page';
import { Footer } from '~/components/layout/footer';
import { Header, headerStylesheet } from '~/components/layout/header';
import { useNonce } from '~/components/layout/nonce';
import { defaultLanguage, isLanguage, type Language } from '~/i18n/config';
import { getCurrentUser } from '~/modules/auth/session.server';
import { readHeaderState } from '~/modules/account/header-state.server';
import type { Identity } from '~/platform/db/client.server';
import { detectLanguage, languageCookie, translator } from '~/platform/i18n.server';
import stylesheet from '~/styles/app.css';

// `profile` too: the header's "hide me now" button is on every page.
export const handle = { i18n: ['common', 'profile'] };

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'stylesheet', href: headerStylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const language = await detectLanguage(request);
  const identity = await getCurrentUser(request);
  const headers = new Headers();
  // A language chosen with ?lng= is remembered for the next visits.
  if (new URL(request.url).searchParams.has('lng')) {
    headers.append('Set-Cookie', await languageCookie.serialize(language));
  }
  const t = await translator(language);
  const titles = t('titles', { returnObjects: true }) as Record<string, string>;
  const user = identity ? { email: identity.email, roles: identity.roles, ...(await headerCounts(identity, language)) } : null;
  return json({ language, user, titles }, { headers });
}

export type RootData = typeof loader;

/**
 * New contact requests and open alerts: the header links to them with the count in the text and
 * a label a screen reader reads whole.
 */
async function headerCounts(identity: Identity, language: Language) {
  const { unreadRequests, openAlerts } = await readHeaderState(identity, language);
  const tContact = await translator(language, 'contact');
  const tAdmin = await translator(language, 'admin');
  return {
    requests: unreadRequests > 0 ? { count: unreadRequests, text: tContact('header.link', { count: unreadRequests }), label: tContact('header.label', { count: unreadRequests }) } : null,
    alerts: openAlerts ? { count: openAlerts, label: tAdmin('header.alerts', { count: openAlerts }) } : null,
  };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const { i18n } = useTranslation();
  // Without root data (an action threw), the page is still written in the request's language.
  const language = data?.language ?? i18n.language;
  const nonce = useNonce();
  return (
    <html lang={isLanguage(language) ? language : defaultLanguage} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/**
 * After a client-side navigation, focus goes to the main region, as a full page load would put
 * it at the top: screen readers announce the new page and Tab starts from its content.
 */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById('main')?.focus();
  }, [pathname]);
}

export default function App() {
  const { language, user } = useLoaderData<typeof loader>();
  useChangeLanguage(language);
  useFocusMainOnNavigation();
  return (
    <div className="shell">
      <Header user={user} />
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
      <Footer />
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>('root');
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <div className="shell">
      <Header user={data?.user ?? null} />
      <main id="main" className="main" tabIndex={-1}>
        <ErrorPage status={status} />
      </main>
      <Footer />
    </div>
  );
}
