/**
 * Load generator process for the claim benchmark: autocannon (programmatic) against 127.0.0.1, rotating the
 * `Authorization` header through a list of signed launches so each request is a different user. Several URLs
 * (comma-separated: one per API process) share the connections round-robin, as a load balancer would spread them.
 * Usage: claim-load.ts <url[,url…]> <method> <seconds> <connections> <headers.json> [first header index]; prints autocannon's result as JSON.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
type Autocannon = (
  options: {
    url: string | string[];
    method: string;
    duration: number;
    connections: number;
    requests: { setupRequest: (req: AutocannonRequest) => AutocannonRequest }[];
  },
  done: (err: Error | null, result: unknown) => void,
) => void;

const [url = '', method = 'POST', seconds = '5', connections = '32', headersFile = '', offset = '0'] =
  process.argv.slice(2);
const urls = url.split(',');
for (const u of urls) if (!/^http:\/\/127\.0\.0\.1:/.test(u)) throw new Error(`load only targets 127.0.0.1, not ${u}`);
const auths = JSON.parse(readFileSync(headersFile, 'utf8')) as string[];
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
let next = Number(offset);
autocannon(
  {
    url: urls.length === 1 ? url : urls,
    method,
    duration: Number(seconds),
    connections: Number(connections),
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          headers: {
            ...req.headers,
            authorization: auths[next++ % auths.length] ?? '',
            'content-type': 'application/json',
          },
        }),
      },
    ],
  },
  (err, result) => {
    if (err) throw err;
    process.stdout.write(JSON.stringify(result));
  },
);
