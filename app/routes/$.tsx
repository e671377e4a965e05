import { ErrorPage } from '~/components/layout/error-page';

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
