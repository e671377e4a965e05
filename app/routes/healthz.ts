import { json } from '@remix-run/node';
import { runtime } from '~/platform/runtime.server';

/** For load balancers and monitors: 200 with the database's state; 503 when it does not answer. */
export async function loader() {
  const database = await runtime().checkDatabase();
  return json(
    { status: database ? 'ok' : 'degraded', database: database ? 'up' : 'down' },
    { status: database ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
