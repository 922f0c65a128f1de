// The grammar of container image references (github.com/distribution/reference):
// `[host[:port]/]path[:tag][@sha256:digest]`, path components lowercase.
const DOMAIN = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?';
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const NAME = `(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*`;
const TAG = '[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}';
const DIGEST = 'sha256:[a-f0-9]{64}';

const REPOSITORY_RE = new RegExp(`^${NAME}$`);
const TAG_RE = new RegExp(`^${TAG}$`);
const REFERENCE_RE = new RegExp(`^${NAME}(?::(${TAG}))?(?:@(${DIGEST}))?$`);

/** An image name without tag or digest (`registry.example.com/ovn/ovn-kube-fedora`). */
export function isImageRepository(text: unknown): boolean {
  return typeof text === 'string' && text.length <= 255 && REPOSITORY_RE.test(text);
}

/** A tag (`v1.16.7`, `dev`). */
export function isImageTag(text: unknown): boolean {
  return typeof text === 'string' && TAG_RE.test(text);
}

/** A whole reference; with `pinned`, it must carry a tag or a digest. */
export function isImageReference(text: unknown, pinned = false): boolean {
  if (typeof text !== 'string') return false;
  const m = REFERENCE_RE.exec(text);
  return m !== null && (!pinned || m[1] !== undefined || m[2] !== undefined);
}
