import http from 'node:http';
import { figures, type Figures } from './stats';

/**
 * A closed-loop HTTP load generator, the equivalent of `autocannon -c 16 -d 20` (issue 6 allows
 * either) without a dependency: `connections` keep-alive connections, each sending its next
 * request as soon as the previous answer has been read in full, for a fixed time. Loopback only
 * (the app it measures runs on this machine). Every answer other than 200 counts as an error.
 */
export type LoadResult = Figures & {
  connections: number;
  seconds: number;
  requests: number;
  statuses: Record<string, number>;
  errors: number;
  /** Average bytes a page (compressed when the server compresses). */
  bytesPerPage: number;
  /** The same figures for each path, to see which search costs what. */
  byPath: Record<string, Figures>;
};

export async function runLoad(options: {
  origin: string;
  paths: readonly string[];
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  const origin = new URL(options.origin);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(origin.hostname)) throw new Error('The load generator only targets this machine.');
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const samples: number[] = [];
  const samplesByPath = new Map<string, number[]>();
  const statuses: Record<string, number> = {};
  let bytes = 0;
  let turn = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;

  const once = (path: string) =>
    new Promise<number>((resolve) => {
      const request = http.request(
        { host: origin.hostname, port: origin.port, path, method: 'GET', agent, headers: options.headers },
        (response) => {
          response.on('data', (chunk: Buffer) => (bytes += chunk.length));
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', () => resolve(0));
        },
      );
      request.setTimeout(30_000, () => request.destroy());
      request.on('error', () => resolve(0));
      request.end();
    });

  async function connection() {
    while (performance.now() < deadline) {
      const path = options.paths[turn++ % options.paths.length]!;
      const begun = performance.now();
      const status = await once(path);
      const ms = performance.now() - begun;
      samples.push(ms);
      if (!samplesByPath.has(path)) samplesByPath.set(path, []);
      samplesByPath.get(path)!.push(ms);
      statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
    }
  }
  await Promise.all(Array.from({ length: options.connections }, connection));
  const wall = performance.now() - started;
  agent.destroy();
  const errors = Object.entries(statuses).filter(([status]) => status !== '200').reduce((sum, [, n]) => sum + n, 0);
  return {
    ...figures(samples, wall),
    connections: options.connections,
    seconds: Math.round(wall / 10) / 100,
    requests: samples.length,
    statuses,
    errors,
    bytesPerPage: Math.round(bytes / Math.max(samples.length, 1)),
    byPath: Object.fromEntries([...samplesByPath].map(([path, list]) => [decodeURI(path), figures(list, wall)])),
  };
}
