import type { MetaFunction } from '@remix-run/node';
import { ErrorPage } from '~/components/layout/error-page';
import { pageTitle } from '~/modules/i18n/page-title';

/**
 * The document title of a 404, in the page's language: without one, a screen reader announces
 * only the address, and the tab strip says nothing (axe: document-title).
 */
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notFound');

/** Any path we do not know: a translated 404 inside the normal page frame. */
export async function loader() {
  throw new Response('Not found', { status: 404 });
}

export function ErrorBoundary() {
  return <ErrorPage status={404} />;
}

export default function NotFound() {
  return <ErrorPage status={404} />;
}
