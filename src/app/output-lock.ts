import * as fs from 'fs';
import * as path from 'path';
import { OutputError, errorText } from './output-common';

/** How long a synth waits for another synth of the same output to finish. */
const LOCK_WAIT_MS = 60_000;

/** Takes `.<base>.lock` beside the output, waiting while a live synth holds it; returns the release. */
export function lock(parent: string, base: string, shown: string): () => void {
  const file = path.join(parent, `.${base}.lock`);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      return () => fs.rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new OutputError(`${shown}: cannot create the lock file ${file}: ${errorText(e)}`, true);
      }
    }
    const holder = lockHolder(file);
    if (holder !== undefined && !isAlive(holder)) {
      fs.rmSync(file, { force: true }); // left by a synth that was killed
      continue;
    }
    if (Date.now() > deadline) {
      throw OutputError.nothingChanged(`${shown}: another synth${holder ? ` (pid ${holder})` : ''} is writing it and still holds ${file} after ${LOCK_WAIT_MS / 1000}s`);
    }
    sleep(25);
  }
}

function lockHolder(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary folders of synths that were killed mid-write (their pid is gone); called under the lock. */
export function removeAbandoned(parent: string, base: string): void {
  const pattern = new RegExp(`^\\.${escapeRegExp(base)}\\.(new|old)-(\\d+)-[0-9a-f]{8}(\\.old)?$`);
  for (const entry of fs.readdirSync(parent)) {
    const m = pattern.exec(entry);
    if (m && !isAlive(Number(m[2]))) fs.rmSync(path.join(parent, entry), { recursive: true, force: true });
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
