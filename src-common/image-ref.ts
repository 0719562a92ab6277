// Docker image references: the grammar of github.com/distribution/reference and the
// normalization Docker applies (ParseNormalizedNamed, ParseDockerRef, FamiliarName,
// FamiliarString). Pure so the renderer validates an input field with the very code
// main uses before it talks to the engine.
//
//   reference := name [":" tag] ["@" digest]
//   name      := [domain "/"] path
//   domain    := host [":" port]      host: dotted labels, or [IPv6] in brackets
//   path      := component ("/" component)*
//
// Checked against distribution/reference's own test vectors (image-ref.test.ts), with
// these deliberate differences, chosen because the messages are shown to a person
// under an input field:
// - Every problem after "@" is 'invalid-digest' (distribution says "invalid format"
//   for a malformed digest and only reports lengths from go-digest).
// - A tag over 128 characters is 'too-long' rather than "invalid format".
// Where distribution's versions differ, Berth takes the reading that agrees with its
// test vectors: the 255-character limit is on the repository name as written — domain
// included when one is written, tag and digest not — rather than on the whole string
// or on the name with an implied "docker.io/library/".
// Like go-digest, only the algorithms an engine can verify are accepted (sha256, sha384,
// sha512); "sha256:<64 hex>" on its own is the repository "sha256" with that tag, as
// Docker reads it — only a bare 64-hex string is refused as an image ID.
import { z } from 'zod';

export const DOCKER_HUB_DOMAIN = 'docker.io';
const LEGACY_HUB_DOMAIN = 'index.docker.io';
const OFFICIAL_NAMESPACE = 'library/';
const NAME_MAX_LENGTH = 255;
const TAG_MAX_LENGTH = 128;

export type ImageRefErrorKind =
  | 'empty'
  | 'invalid-format'
  | 'uppercase'
  | 'too-long'
  | 'invalid-digest'
  | 'hex-identifier';

/** A parsed, normalized image reference. */
export interface ImageRef {
  /** Registry, "docker.io" for Docker Hub (never "index.docker.io"). */
  readonly domain: string;
  /** Repository path; "library/" is added for official Hub images. */
  readonly path: string;
  /** domain/path */
  readonly name: string;
  readonly tag: string | null;
  /** "algorithm:hex" */
  readonly digest: string | null;
  /** The short form people type: familiarName plus ":tag" and/or "@digest" as given. */
  readonly familiar: string;
  /** The short name: "nginx", "askcompany/nginx", "quay.io/org/app". */
  readonly familiarName: string;
  /** What the engine is asked for: name:tag, name@digest (tag dropped), or name:latest. */
  readonly dockerRef: string;
}

export class ImageRefError extends Error {
  readonly kind: ImageRefErrorKind;
  /** The text that was refused. */
  readonly input: string;
  constructor(kind: ImageRefErrorKind, message: string, input: string) {
    super(message);
    this.name = 'ImageRefError';
    this.kind = kind;
    this.input = input;
  }
}

/** Shortens what is echoed back so a pasted blob does not flood the form. */
function show(text: string): string {
  return text.length > 72 ? `${text.slice(0, 71)}…` : text;
}

/** Every user-visible string of this feature. */
export const imageRefMessages = {
  empty: () => 'Enter an image name, for example nginx or nginx:1.27.',
  whitespace: (input: string) => `Image references cannot contain spaces: "${show(input)}"`,
  hexIdentifier: (input: string) =>
    `That looks like an image ID, not a name: ${show(input)}. Enter a repository name such as nginx:latest.`,
  missingName: (input: string) => `Add a repository name before the tag or digest: ${show(input)}`,
  uppercase: (path: string) => `Repository names must be lowercase: ${show(path)}`,
  invalidDomain: (domain: string) =>
    `Not a valid registry address: ${show(domain)}. Use a host name or IP, optionally with :port (registry.example.com:5000).`,
  invalidPath: (path: string) =>
    `Not a valid repository name: ${show(path)}. Use lowercase letters and digits separated by ".", "_", "__" or "-", with "/" between parts.`,
  nameTooLong: (name: string) => `Repository name is too long: ${name.length} characters; the limit is ${NAME_MAX_LENGTH}.`,
  emptyTag: (input: string) => `Add a tag after ":" or remove the ":": ${show(input)}`,
  invalidTag: (tag: string) =>
    `Not a valid tag: ${show(tag)}. Tags use letters, digits, "_", "." and "-", and cannot start with "." or "-".`,
  tagTooLong: (tag: string) => `Tag is too long: ${tag.length} characters; the limit is ${TAG_MAX_LENGTH}.`,
  digestShape: (digest: string) =>
    `Not a valid digest: ${show(digest)}. A digest is algorithm:hex, for example sha256: followed by 64 lowercase hex characters.`,
  digestLength: (algorithm: string, length: number, hexLength: number) =>
    `A ${algorithm} digest is exactly ${length} hex characters after "${algorithm}:"; this one has ${hexLength}.`,
  digestNotLowerHex: (algorithm: string) =>
    `A ${algorithm} digest uses only lowercase hex characters (0-9, a-f) after "${algorithm}:".`,
  digestUnsupported: (algorithm: string) =>
    `Unsupported digest algorithm: ${show(algorithm)}. Digests use sha256 (most common), sha384 or sha512.`,
} as const;

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
// Written without overlapping repetitions so a long pasted string cannot make it backtrack.
const DOMAIN_NAME = /^[a-zA-Z0-9]+(?:-+[a-zA-Z0-9]+)*(?:\.[a-zA-Z0-9]+(?:-+[a-zA-Z0-9]+)*)*$/;
const IPV6_HOST = /^\[[a-fA-F0-9:]+\]$/;
const PORT = /^[0-9]+$/;
const TAG = /^\w[\w.-]*$/;
const DIGEST_ALGORITHM = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*$/;
const IMAGE_ID = /^[a-f0-9]{64}$/;
const LOWER_HEX = /^[a-f0-9]+$/;
const KNOWN_DIGEST_HEX_LENGTHS: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

function isDomainLike(first: string): boolean {
  // Docker's own rule (splitDockerDomain): anything else is a Docker Hub namespace.
  return first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase();
}

function isValidDomain(domain: string): boolean {
  const bracketEnd = domain.startsWith('[') ? domain.indexOf(']') + 1 : 0;
  const portColon = domain.indexOf(':', bracketEnd);
  const host = portColon === -1 ? domain : domain.slice(0, portColon);
  const port = portColon === -1 ? null : domain.slice(portColon + 1);
  const hostOk = bracketEnd > 0 ? IPV6_HOST.test(host) : DOMAIN_NAME.test(host);
  return hostOk && (port === null || PORT.test(port));
}

function checkDigest(digest: string, input: string): string {
  const colon = digest.indexOf(':');
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  if (colon === -1 || !DIGEST_ALGORITHM.test(algorithm)) {
    throw new ImageRefError('invalid-digest', imageRefMessages.digestShape(digest), input);
  }
  const exact = KNOWN_DIGEST_HEX_LENGTHS[algorithm];
  // go-digest refuses algorithms it has no hash for; so would the engine, less clearly.
  if (exact === undefined) throw new ImageRefError('invalid-digest', imageRefMessages.digestUnsupported(algorithm), input);
  if (hex.length !== exact) {
    throw new ImageRefError('invalid-digest', imageRefMessages.digestLength(algorithm, exact, hex.length), input);
  }
  if (!LOWER_HEX.test(hex)) throw new ImageRefError('invalid-digest', imageRefMessages.digestNotLowerHex(algorithm), input);
  return digest;
}

function checkTag(tag: string, input: string): string {
  if (tag === '') throw new ImageRefError('invalid-format', imageRefMessages.emptyTag(input), input);
  if (!TAG.test(tag)) throw new ImageRefError('invalid-format', imageRefMessages.invalidTag(tag), input);
  if (tag.length > TAG_MAX_LENGTH) throw new ImageRefError('too-long', imageRefMessages.tagTooLong(tag), input);
  return tag;
}

/** Splits "domain/path" the way Docker does and checks both halves. */
function parseName(bareName: string, input: string): { domain: string; path: string } {
  if (bareName === '') throw new ImageRefError('invalid-format', imageRefMessages.missingName(input), input);
  const slash = bareName.indexOf('/');
  const first = slash === -1 ? '' : bareName.slice(0, slash);
  const hasDomain = slash !== -1 && isDomainLike(first);
  const typedPath = hasDomain ? bareName.slice(slash + 1) : bareName;
  const domain = !hasDomain || first === LEGACY_HUB_DOMAIN ? DOCKER_HUB_DOMAIN : first;
  const path = domain === DOCKER_HUB_DOMAIN && !typedPath.includes('/') ? OFFICIAL_NAMESPACE + typedPath : typedPath;

  if (typedPath !== typedPath.toLowerCase()) {
    throw new ImageRefError('uppercase', imageRefMessages.uppercase(typedPath), input);
  }
  if (hasDomain && !isValidDomain(first)) {
    // An uppercase first part that would be a fine namespace in lowercase was meant
    // as one ("Foo_bar/app"); say so, as distribution does.
    const meantAsPath = first !== first.toLowerCase() && PATH_COMPONENT.test(first.toLowerCase());
    throw meantAsPath
      ? new ImageRefError('uppercase', imageRefMessages.uppercase(bareName), input)
      : new ImageRefError('invalid-format', imageRefMessages.invalidDomain(first), input);
  }
  if (!typedPath.split('/').every((component) => PATH_COMPONENT.test(component))) {
    throw new ImageRefError('invalid-format', imageRefMessages.invalidPath(typedPath), input);
  }
  // The 255 limit is on the name as written (domain included, tag not): what
  // distribution's Parse measures, and what its test vectors expect.
  if (bareName.length > NAME_MAX_LENGTH) throw new ImageRefError('too-long', imageRefMessages.nameTooLong(bareName), input);
  return { domain, path };
}

function familiarNameOf(domain: string, path: string): string {
  if (domain !== DOCKER_HUB_DOMAIN) return `${domain}/${path}`;
  const official = path.startsWith(OFFICIAL_NAMESPACE) ? path.slice(OFFICIAL_NAMESPACE.length) : null;
  return official !== null && !official.includes('/') ? official : path;
}

/** Parses and normalizes an image reference; throws ImageRefError with a message for a person. */
export function parseImageRef(input: string): ImageRef {
  if (input.trim() === '') throw new ImageRefError('empty', imageRefMessages.empty(), input);
  // Not trimmed: Docker does not trim, so a stray space would fail later, less clearly.
  if (/\s/.test(input)) throw new ImageRefError('invalid-format', imageRefMessages.whitespace(input), input);
  if (IMAGE_ID.test(input)) throw new ImageRefError('hex-identifier', imageRefMessages.hexIdentifier(input), input);

  const at = input.indexOf('@');
  const beforeDigest = at === -1 ? input : input.slice(0, at);
  // A tag's ":" is the last one after the last "/"; earlier ones belong to a port.
  const colon = beforeDigest.lastIndexOf(':');
  const hasTag = colon > beforeDigest.lastIndexOf('/');
  const { domain, path } = parseName(hasTag ? beforeDigest.slice(0, colon) : beforeDigest, input);
  const tag = hasTag ? checkTag(beforeDigest.slice(colon + 1), input) : null;
  const digest = at === -1 ? null : checkDigest(input.slice(at + 1), input);

  const name = `${domain}/${path}`;
  const familiarName = familiarNameOf(domain, path);
  const suffix = (tag === null ? '' : `:${tag}`) + (digest === null ? '' : `@${digest}`);
  const dockerRef = digest !== null ? `${name}@${digest}` : `${name}:${tag ?? 'latest'}`;
  return { domain, path, name, tag, digest, familiar: familiarName + suffix, familiarName, dockerRef };
}

/** The message to show under an input field, or null when the reference is valid. */
export function imageRefProblem(input: string): string | null {
  try {
    parseImageRef(input);
    return null;
  } catch (error) {
    if (error instanceof ImageRefError) return error.message;
    throw error;
  }
}

export function isValidImageRef(input: string): boolean {
  return imageRefProblem(input) === null;
}

/** The registry a reference pulls from: "docker.io" for Docker Hub. Throws ImageRefError on a bad string. */
export function registryOf(ref: string | ImageRef): string {
  return (typeof ref === 'string' ? parseImageRef(ref) : ref).domain;
}

/** A string field that must be a valid image reference, for contract schemas and forms. */
export const ImageRefString = z.string().superRefine((value, ctx) => {
  const problem = imageRefProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});
