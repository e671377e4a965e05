import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './connection-errors.server';

describe('isDatabaseUnavailable', () => {
  const withCode = (code: string) => Object.assign(new Error('x'), { code });

  it('recognizes a refused, reset, timed out or closed connection and a server shutting down', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', '57P01', '57P03', '08006', '08001']) {
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
    }
  });

  it('looks inside an AggregateError and a cause', () => {
    expect(isDatabaseUnavailable(new AggregateError([new Error('a'), withCode('ECONNREFUSED')]))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: withCode('57P01') }))).toBe(true);
  });

  it('leaves every other error alone: they are bugs or refusals, not an outage', () => {
    for (const error of [withCode('23505'), withCode('42501'), withCode('P0001'), withCode('57014'), new Error('plain'), new Response(null, { status: 403 }), null, 'ECONNREFUSED']) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });
});
