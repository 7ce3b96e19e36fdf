// Worker threads do not inherit tsx's loader on Node 20, so a TypeScript entry registers it first.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
