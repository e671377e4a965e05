import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../config.server';

/** JOBS=off leaves background jobs to `npm run jobs`; anything but on or off stops the start. */
describe('JOBS', () => {
  it('runs jobs in the process unless turned off', () => {
    expect(parseConfig({}).jobs).toBe(true);
    expect(parseConfig({ JOBS: 'on' }).jobs).toBe(true);
    expect(parseConfig({ JOBS: 'off' }).jobs).toBe(false);
  });

  it('names the variable when the value is wrong', () => {
    expect(() => parseConfig({ JOBS: 'sometimes' })).toThrow(ConfigError);
    expect(() => parseConfig({ JOBS: 'sometimes' })).toThrow(/^JOBS must be on or off$/);
  });
});
