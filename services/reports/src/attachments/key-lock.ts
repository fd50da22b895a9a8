/**
 * Serialises work on one storage key (a content hash) inside this process: the upload route's
 * "store the file, insert its row" and the orphan sweep's "delete the rows, count references, delete
 * the file" never interleave for the same content, so a file is never removed under a fresh upload.
 */
export class KeyLock {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    const result = prev.then(fn, fn);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    try {
      return await result;
    } finally {
      // the last holder cleans up so the map does not grow with every hash ever seen
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}

const locks = new WeakMap<object, KeyLock>();

/** The lock shared by everything in this process that writes or removes files of one storage. */
export function keyLockFor(storage: object): KeyLock {
  let lock = locks.get(storage);
  if (!lock) {
    lock = new KeyLock();
    locks.set(storage, lock);
  }
  return lock;
}
