import * as fs from 'fs';
import * as path from 'path';

/**
 * Replaces `dir` with a directory holding exactly `files` (relative path → content). Everything is written
 * to a sibling temporary directory first and swapped in with renames, so a failure at any point leaves
 * the previous `dir` as it was.
 */
export function replaceDirectory(dir: string, files: Map<string, string>): void {
  const target = path.resolve(dir);
  const parent = path.dirname(target);
  fs.mkdirSync(parent, { recursive: true });
  const base = path.basename(target);
  const staging = fs.mkdtempSync(path.join(parent, `.${base}.new-`));
  try {
    for (const [relative, content] of [...files.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const file = path.join(staging, relative);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
    const old = fs.existsSync(target) ? `${staging}.old` : undefined;
    if (old) fs.renameSync(target, old);
    try {
      fs.renameSync(staging, target);
    } catch (e) {
      if (old) fs.renameSync(old, target);
      throw e;
    }
    if (old) fs.rmSync(old, { recursive: true, force: true });
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
