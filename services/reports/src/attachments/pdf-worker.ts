import { Worker } from 'node:worker_threads';
import { envInt } from '@pantau/common';
import { PdfUnreadable } from './pdf-metadata';

/**
 * Runs stripPdfMetadata in a worker thread with a heap limit and a time limit. Parsing is what costs: a
 * 10 MB PDF of tiny compressed objects (an object-stream "bomb") took 41 s and 1.7 GB in the service's own
 * process when measured, and would stall or kill it. In a worker, a file past either limit is refused as
 * unreadable and the service is untouched. At most `PDF_WORKERS` files are parsed at once; others wait.
 */

/** `PANTAU_PDF_CLEAN_TIMEOUT_MS` (default 10 s): a PDF whose parsing takes longer is refused. */
export const pdfCleanTimeoutMs = () => envInt('PANTAU_PDF_CLEAN_TIMEOUT_MS', 10_000);
/** `PANTAU_PDF_CLEAN_HEAP_MB` (default 256): the worker's old-generation heap; past it the PDF is refused. */
export const pdfCleanHeapMb = () => envInt('PANTAU_PDF_CLEAN_HEAP_MB', 256);

const PDF_WORKERS = 2;

// Loads pdf-metadata in the worker: the compiled .js in the service; under jest the .ts source, compiled
// with SWC (a dev dependency, only required on that branch).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
if (workerData.module.endsWith('.ts')) {
  const fs = require('node:fs');
  const swc = require('@swc/core');
  require.extensions['.ts'] = (m, filename) =>
    m._compile(swc.transformSync(fs.readFileSync(filename, 'utf8'), { filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }).code, filename);
}
const { stripPdfMetadata, PdfUnreadable } = require(workerData.module);
stripPdfMetadata(workerData.bytes).then(
  (out) => parentPort.postMessage({ ok: out }, [out.buffer]),
  (err) => parentPort.postMessage({ error: String(err && err.message), unreadable: err instanceof PdfUnreadable }),
);
`;

let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= PDF_WORKERS) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function runWorker(bytes: Uint8Array, timeoutMs: number, heapMb: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const copy = new Uint8Array(bytes); // transferred to the worker
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { module: require.resolve('./pdf-metadata'), bytes: copy },
      transferList: [copy.buffer as ArrayBuffer],
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 },
      stdout: false,
      stderr: false,
    });
    let done = false;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => finish(() => reject(new PdfUnreadable(`parsing took longer than ${timeoutMs} ms`))), timeoutMs);
    worker.on('message', (m: { ok?: Uint8Array; error?: string; unreadable?: boolean }) =>
      finish(() => (m.ok ? resolve(m.ok) : reject(m.unreadable ? new PdfUnreadable(m.error ?? 'unreadable') : new Error(m.error)))),
    );
    worker.on('error', (err: Error & { code?: string }) =>
      finish(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new PdfUnreadable(`parsing needed more than ${heapMb} MB`) : err)),
    );
    worker.on('exit', (code) => finish(() => reject(new Error(`PDF worker exited with ${code}`))));
  });
}

/** stripPdfMetadata in a bounded worker; throws PdfUnreadable for unreadable files and files past the limits. */
export function stripPdfMetadataBounded(bytes: Uint8Array, opts: { timeoutMs?: number; heapMb?: number } = {}): Promise<Uint8Array> {
  return slot(() => runWorker(bytes, opts.timeoutMs ?? pdfCleanTimeoutMs(), opts.heapMb ?? pdfCleanHeapMb()));
}
