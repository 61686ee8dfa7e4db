/**
 * A worker thread of `target-table check` (workers.ts starts it): checks the files it is sent, one
 * at a time. Bundled on its own as dist/check-worker.js, beside dist/cli.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { serveWorker, type WorkerConfig } from './workers';

if (!parentPort) throw new Error('check-worker.js is started by target-table check, not on its own');
serveWorker(parentPort, workerData as WorkerConfig);
