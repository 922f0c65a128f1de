import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * A corpus of real-world inputs, built in a temp dir: encodings, broken files, links, alias bombs,
 * non-Kubernetes YAML. Each case names the exit code `multicni check` must give.
 */
export interface CorpusCase {
  readonly name: string;
  /** Arguments after `check`, relative paths resolved against the corpus dir. */
  readonly args: string[];
  /** Standard input, if any. */
  readonly stdin?: Buffer | string;
  readonly exit: 0 | 1 | 2;
  /** What stdout (exit 0/1) or stderr (exit 2) must match. */
  readonly output?: RegExp;
}

const fixtures = path.join(__dirname, '..', 'check', 'fixtures');
const read = (...p: string[]) => fs.readFileSync(path.join(fixtures, ...p), 'utf8');

const CILIUM = read('clean', 'cilium-config.yaml');
const OVERLAP_NAD = [
  'apiVersion: k8s.cni.cncf.io/v1', 'kind: NetworkAttachmentDefinition', 'metadata: { name: clash, namespace: default }',
  'spec:', '  config: \'{"cniVersion":"0.3.1","name":"clash","type":"macvlan","ipam":{"type":"host-local","subnet":"10.244.7.0/24"}}\'', '',
].join('\n');

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) { be[i] = le[i + 1]; be[i + 1] = le[i]; }
  return be;
}

/** Writes the corpus under a new temp dir; returns it and the cases. */
export function buildCorpus(): { dir: string; cases: CorpusCase[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'multicni-corpus-'));
  const w = (name: string, content: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  };
  w('cilium.yaml', CILIUM);
  w('overlap/cilium.yaml', CILIUM);
  w('overlap/nad.yaml', OVERLAP_NAD);
  w('bom.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CILIUM)]));
  w('utf16le-bom.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CILIUM, 'utf16le')]));
  w('utf16be-bom.yaml', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(CILIUM)]));
  w('utf16le-nobom.yaml', Buffer.from(CILIUM.replace(/^#.*\n/, ''), 'utf16le'));
  w('utf32.yaml', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('a\0\0\0')]));
  w('latin1.yaml', Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: caf\xe9 }\n', 'latin1'));
  w('binary.yaml', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]));
  w('empty.yaml', '');
  w('comments-only.yaml', '# nothing here\n---\n# nor here\n');
  w('broken.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n');
  w('tabs.yaml', 'apiVersion: v1\nkind: ConfigMap\ndata:\n\tkey: value\n');
  w('duplicate-key.yaml', 'apiVersion: v1\nkind: ConfigMap\nkind: Secret\nmetadata: { name: x }\n');
  const aliases = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i++) aliases.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
  w('alias-bomb.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: lol }\ndata:\n${aliases.map((l) => '  ' + l).join('\n')}\n`);
  w('ansible/site.yml', '- hosts: all\n  tasks:\n    - name: ping\n      ping:\n');
  w('ansible/cilium.yaml', CILIUM);
  w('helm-values/values.yaml', 'replicaCount: 2\nimage: { repository: nginx }\n');
  w('json/nads.json', read('clean', 'nads.json'));
  w('json/array.json', '[1, 2, 3]\n');
  w('list/list.yaml', `apiVersion: v1\nkind: List\nitems:\n${CILIUM.replace(/^#.*\n/, '').split('\n').filter(Boolean).map((l, i) => (i === 0 ? '- ' : '  ') + l).join('\n')}\n`);
  fs.mkdirSync(path.join(dir, 'empty-dir'));
  w('old-kind.yaml', 'kind: Cluster\napiVersion: kind.sigs.k8s.io/v1alpha3\nnetworking:\n  podSubnet: 10.96.128.0/17\n');
  w('with-readme/README.md', '# not yaml: ignored in a directory\n');
  w('with-readme/cilium.yaml', CILIUM);
  w('dangling/cilium.yaml', CILIUM);
  fs.symlinkSync(path.join(dir, 'nowhere.yaml'), path.join(dir, 'dangling', 'gone.yaml'));
  w('loop/cilium.yaml', CILIUM);
  w('loop/sub/more.yaml', '');
  fs.symlinkSync('..', path.join(dir, 'loop', 'sub', 'up')); // leads back to loop/
  fs.symlinkSync('self', path.join(dir, 'self'));
  w('links/real/cilium.yaml', CILIUM);
  fs.symlinkSync('real', path.join(dir, 'links', 'alias')); // the same dir twice: read once
  fs.symlinkSync(path.join(dir, 'cilium.yaml'), path.join(dir, 'file-link.yaml'));

  const cases: CorpusCase[] = [
    { name: 'a clean file', args: ['cilium.yaml'], exit: 0, output: /2 ranges checked, 0 problems/ },
    { name: 'an overlap across two files', args: ['overlap'], exit: 1, output: /overlap: primary pod .* overlaps secondary network "clash"/ },
    { name: 'UTF-8 with a byte order mark', args: ['bom.yaml'], exit: 0, output: /2 ranges checked/ },
    { name: 'UTF-16LE with a byte order mark', args: ['utf16le-bom.yaml'], exit: 0, output: /2 ranges checked/ },
    { name: 'UTF-16BE with a byte order mark', args: ['utf16be-bom.yaml'], exit: 0, output: /2 ranges checked/ },
    { name: 'UTF-16LE without a byte order mark', args: ['utf16le-nobom.yaml'], exit: 0, output: /2 ranges checked/ },
    { name: 'UTF-32', args: ['utf32.yaml'], exit: 2, output: /utf32\.yaml": UTF-32 text is not supported/ },
    { name: 'Latin-1 bytes (not UTF-8)', args: ['latin1.yaml'], exit: 2, output: /latin1\.yaml": not valid UTF-8 text/ },
    { name: 'a gzip file named .yaml', args: ['binary.yaml'], exit: 2, output: /binary\.yaml": (binary data|not valid UTF-8)/ },
    { name: 'an empty file', args: ['empty.yaml'], exit: 0, output: /0 ranges checked, 0 problems/ },
    { name: 'only comments', args: ['comments-only.yaml'], exit: 0, output: /0 ranges checked/ },
    { name: 'broken YAML', args: ['broken.yaml'], exit: 2, output: /cannot parse ".*broken\.yaml" document 1/ },
    { name: 'tab indentation', args: ['tabs.yaml'], exit: 2, output: /cannot parse ".*tabs\.yaml"/ },
    { name: 'a duplicate key', args: ['duplicate-key.yaml'], exit: 2, output: /duplicate-key\.yaml".*(unique|duplicate)/i },
    { name: 'an alias bomb', args: ['alias-bomb.yaml'], exit: 2, output: /alias-bomb\.yaml" document 1: Excessive alias count/ },
    { name: 'an Ansible play beside a manifest: skipped with a note', args: ['ansible'], exit: 0, output: /note: skipped .*site\.yml:1 \(document 1\): not a Kubernetes object \(a list\)[^]*2 ranges checked/ },
    { name: 'a helm values file: skipped with a note', args: ['helm-values'], exit: 0, output: /note: skipped .*values\.yaml:1 .*no apiVersion and kind/ },
    { name: 'JSON List of NADs and a JSON array', args: ['json'], exit: 0, output: /note: skipped .*array\.json[^]*2 ranges checked, 0 problems/ },
    { name: 'a YAML List (kubectl get -o yaml)', args: ['list'], exit: 0, output: /2 ranges checked/ },
    { name: 'an empty directory: nothing to check, said in a note', args: ['empty-dir'], exit: 0, output: /note: no \*\.yaml, \*\.yml or \*\.json file in "empty-dir"[^]*0 ranges checked/ },
    { name: 'a kind config of the old API group (kind.sigs.k8s.io/v1alpha3), pod range over the default services', args: ['old-kind.yaml'], exit: 1, output: /overlap: service "kind serviceSubnet \(kind's ipv4 default\)" 10\.96\.0\.0\/16 .* overlaps primary pod "kind podSubnet" 10\.96\.128\.0\/17/ },
    { name: 'a README in a directory is not read', args: ['with-readme'], exit: 0, output: /2 ranges checked/ },
    { name: 'a dangling link in a directory', args: ['dangling'], exit: 2, output: /gone\.yaml": dangling symbolic link/ },
    { name: 'a link loop in a directory', args: ['loop'], exit: 2, output: /sub\/up": symbolic link loop \(it leads back to/ },
    { name: 'a link to itself', args: ['self'], exit: 2, output: /"self": symbolic link loop/ },
    { name: 'a device', args: ['/dev/zero'], exit: 2, output: /"\/dev\/zero": not a regular file, directory or pipe/ },
    { name: 'a missing path', args: ['does-not-exist.yaml'], exit: 2, output: /does-not-exist\.yaml": no such file or directory/ },
    { name: 'a directory reached twice through a link is read once', args: ['links'], exit: 0, output: /note: skipped .*already read[^]*2 ranges checked/ },
    { name: 'a link to a file is followed', args: ['file-link.yaml'], exit: 0, output: /2 ranges checked/ },
    { name: 'standard input, clean', args: ['-'], stdin: CILIUM, exit: 0, output: /2 ranges checked, 0 problems/ },
    { name: 'standard input, overlapping', args: ['-', 'cilium.yaml'], stdin: OVERLAP_NAD, exit: 1, output: /overlaps secondary network "clash"/ },
    { name: 'standard input, garbage', args: ['-'], stdin: Buffer.from([0, 0, 0, 1, 2, 3]), exit: 2, output: /standard input|"-"/ },
    { name: 'no input', args: [], exit: 2, output: /no input given/ },
    { name: 'an unknown format', args: ['--format', 'xml', 'cilium.yaml'], exit: 2, output: /--format "xml" is not one of text, json, github/ },
    { name: 'an unknown option', args: ['--frobnicate', 'cilium.yaml'], exit: 2, output: /unknown option "--frobnicate"/ },
  ];
  return { dir, cases };
}
