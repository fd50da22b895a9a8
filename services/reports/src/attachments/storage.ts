import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { dataDir } from '@pantau/common';

/**
 * Where attachment bytes live. Content-addressed (key = SHA-256), so the same evidence uploaded twice
 * is stored once. The local-disk implementation is the default; an object store fits the same shape.
 */
export interface AttachmentStorage {
  /** A fresh path to stream an upload into before it is checked. */
  tempFile(): string;
  /** Moves a checked temp file into storage under `key` (no-op if the key exists). */
  commit(key: string, tempFile: string): Promise<void>;
  discard(tempFile: string): Promise<void>;
  open(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /** Deletes the file stored under `key` (no-op if there is none). */
  remove(key: string): Promise<void>;
}

export class LocalDiskStorage implements AttachmentStorage {
  constructor(readonly root: string = path.join(dataDir(), 'attachments')) {
    fs.mkdirSync(path.join(root, 'tmp'), { recursive: true });
  }

  private pathOf(key: string): string {
    if (!/^[a-f0-9]{64}$/.test(key)) throw new Error('storage key must be a SHA-256 hex digest');
    return path.join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  tempFile(): string {
    return path.join(this.root, 'tmp', `${Date.now()}-${crypto.randomBytes(8).toString('hex')}.part`);
  }

  async commit(key: string, tempFile: string): Promise<void> {
    const target = this.pathOf(key);
    if (await this.exists(key)) {
      await this.discard(tempFile);
      return;
    }
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.rename(tempFile, target);
  }

  async discard(tempFile: string): Promise<void> {
    await fs.promises.rm(tempFile, { force: true });
  }

  async open(key: string): Promise<Readable> {
    return fs.createReadStream(this.pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      await fs.promises.access(this.pathOf(key));
      return true;
    } catch {
      return false;
    }
  }
}
