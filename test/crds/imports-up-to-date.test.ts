import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';

// imports/ is generated from crds/ by `cdk8s import` (offline for local files) and committed; a CRD edit
// without regenerating would leave the typed classes describing a different schema.
const root = path.join(__dirname, '..', '..');
const config = parse(fs.readFileSync(path.join(root, 'cdk8s.yaml'), 'utf8')) as { imports: string[] };

describe('imports/ matches crds/', () => {
  test.each(config.imports)('cdk8s import %s reproduces the committed file', (spec) => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'multicni-import-'));
    try {
      const cli = path.join(root, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');
      const r = spawnSync(process.execPath, [cli, 'import', spec, '--output', out, '--language', 'typescript'], { cwd: root, encoding: 'utf8' });
      expect(r.status).toBe(0);
      const generated = fs.readdirSync(out);
      expect(generated).toHaveLength(1);
      expect(fs.readFileSync(path.join(out, generated[0]), 'utf8')).toBe(fs.readFileSync(path.join(root, 'imports', generated[0]), 'utf8'));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
