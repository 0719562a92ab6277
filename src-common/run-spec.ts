// The run dialog's parsing and validation, pure so the renderer checks a field with the
// very code main uses again before it builds the engine's create request. Rules follow
// the docker CLI (nat.ParsePortSpec, go-units RAMInBytes, opts.NanoCPUs, volume specs,
// restart policies) with messages written for a person reading them under a field.
import type { FixedIpNetwork } from './fixed-ip';
import { imageRefProblem } from './image-ref';
import { parseAliases, parseIpv4Address } from './run-network';
import { RUN_FORM_LIMITS, type FieldProblems, type RunField, type RunForm } from './models/build-run';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

export type Protocol = 'tcp' | 'udp' | 'sctp';

/** One published container port. */
export interface PortBinding {
  containerPort: number;
  protocol: Protocol;
  /** Empty: all interfaces. */
  hostIp: string;
  /** Empty: a random host port; may be a range ("8000-8010") for a single container port. */
  hostPort: string;
}

export interface VolumeMount {
  kind: 'volume' | 'bind';
  /** Volume name or absolute host path. */
  source: string;
  target: string;
  readOnly: boolean;
}

export interface RestartPolicy {
  name: 'no' | 'always' | 'unless-stopped' | 'on-failure';
  maximumRetryCount: number;
}

export interface RunSpec {
  image: string;
  name: string | null;
  /** null keeps the image's CMD. */
  command: string[] | null;
  ports: PortBinding[];
  env: string[];
  volumes: VolumeMount[];
  restartPolicy: RestartPolicy;
  nanoCpus: number | null;
  memoryBytes: number | null;
  network: string | null;
  /** Extra names on `network`; empty when none. */
  aliases: string[];
  /** A fixed IPv4 address on `network`, or null for the engine's choice. */
  ipv4Address: string | null;
  autoRemove: boolean;
  interactive: boolean;
  labels: Record<string, string>;
}

export interface RunContext {
  /** Host CPUs when known: the CPU limit may not exceed them. */
  hostCpus?: number | null;
  /** The chosen network's subnets and addresses in use when known: a fixed IP is checked against them. */
  network?: FixedIpNetwork | null;
}

/** The engine's minimum memory limit (6 MiB, linuxMinMemory in moby). */
export const MIN_MEMORY_BYTES = 6 * 1024 * 1024;

/** Every user-visible string of the run form's checks. */
export const runSpecMessages = {
  fieldWords: {
    image: 'image name',
    name: 'name',
    command: 'command',
    ports: 'list of ports',
    env: 'environment',
    volumes: 'list of volumes',
    restartPolicy: 'restart policy',
    cpus: 'CPU limit',
    memory: 'memory limit',
    network: 'network name',
    aliases: 'list of aliases',
    ipv4Address: 'IPv4 address',
    labels: 'list of labels',
  } satisfies Record<RunField, string>,
  tooLong: (what: string, length: number, max: number) =>
    `The ${what} is too long: ${length.toLocaleString('en-US')} characters, at most ${max.toLocaleString('en-US')}.`,
  name: (n: string) =>
    `"${show(n)}" is not a valid container name: use letters, digits, "_", "." and "-", starting with a letter or digit (at least 2 characters).`,
  unclosedQuote: (q: string) => `The command has an unclosed ${q === "'" ? 'single' : 'double'} quote.`,
  trailingBackslash: 'The command ends with a lone backslash.',
  portFormat: (p: string) => `"${show(p)}" is not a port mapping: write [ip:][hostPort:]containerPort[/tcp|udp|sctp], e.g. 8080:80.`,
  portProtocol: (p: string) => `Unknown protocol "${show(p)}": use tcp, udp or sctp.`,
  portNumber: (p: string) => `"${show(p)}" is not a port: ports are numbers from 1 to 65535.`,
  portRange: (p: string) => `"${show(p)}" is not a valid range: the first port must not be above the last.`,
  portRanges: (p: string) => `"${show(p)}": the host and container ranges must have the same length.`,
  portIp: (ip: string) => `"${show(ip)}" is not an IP address.`,
  portsWithNetwork: (network: string) => `Ports cannot be published on the "${network}" network.`,
  envLine: (line: number) => `Line ${line}: write KEY=VALUE.`,
  envKey: (line: number, key: string) =>
    `Line ${line}: "${show(key)}" is not a variable name: start with a letter or "_", then letters, digits, "_", "." or "-".`,
  labelKey: (line: number, key: string) => `Line ${line}: "${show(key)}" is not a label key: no spaces.`,
  optionKey: (line: number, key: string) => `Line ${line}: "${show(key)}" is not an option name: no spaces.`,
  volumeFormat: (line: number) =>
    `Line ${line}: write volume-name:/container/path or /host/path:/container/path, with :ro for read-only.`,
  volumeName: (line: number, n: string) =>
    `Line ${line}: "${show(n)}" is not a volume name: use letters, digits, "_", "." and "-" (at least 2 characters), or an absolute host path.`,
  volumeTarget: (line: number, t: string) => `Line ${line}: the container path "${show(t)}" must be absolute and not "/".`,
  volumeMode: (line: number, m: string) => `Line ${line}: unknown option "${show(m)}": use ro or rw.`,
  volumeDuplicate: (line: number, t: string) => `Line ${line}: ${show(t)} is already mounted by an earlier line.`,
  restart: (r: string) => `"${show(r)}" is not a restart policy: use no, always, unless-stopped or on-failure[:N].`,
  restartCount: 'The retry count of on-failure must be a whole number of 0 or more.',
  restartWithAutoRemove: '"Remove when stopped" cannot be combined with a restart policy.',
  cpusFormat: (c: string) => `"${show(c)}" is not a number of CPUs, e.g. 0.5 or 2.`,
  cpusPrecision: 'Use at most 9 decimal places for CPUs.',
  cpusRange: (max: number | null) =>
    max ? `CPUs must be between 0.01 and ${max} (the host has ${max}).` : 'CPUs must be at least 0.01.',
  memoryFormat: (m: string) => `"${show(m)}" is not a memory size: write bytes or a number with b, k, m or g, e.g. 512m or 1.5g.`,
  memoryMinimum: 'Memory must be at least 6m (6 MiB): the engine refuses less.',
  network: (n: string) => `"${show(n)}" is not a network name.`,
} as const;

function show(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

// ---------------------------------------------------------------- name

const CONTAINER_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** The name without a leading "/", null when empty. */
export function parseContainerName(input: string): Parsed<string | null> {
  const name = input.trim();
  if (name === '') return ok(null);
  if (!CONTAINER_NAME.test(name)) return fail(runSpecMessages.name(name));
  return ok(name.replace(/^\//, ''));
}

// ---------------------------------------------------------------- command

/** Splits like a POSIX shell: single quotes literal, double quotes with \" \\ \$ \`, backslash escapes. */
export function splitCommand(input: string): Parsed<string[] | null> {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < input.length && '"\\$`\n'.includes(input[i + 1]!)) {
        const next = input[++i]!;
        if (next !== '\n') word += next;
      } else word += c;
    } else if (c === '\\') {
      if (i + 1 >= input.length) return fail(runSpecMessages.trailingBackslash);
      const next = input[++i]!;
      if (next !== '\n') {
        word += next;
        inWord = true;
      }
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) return fail(runSpecMessages.unclosedQuote(quote));
  if (inWord) words.push(word);
  return ok(words.length ? words : null);
}

// ---------------------------------------------------------------- ports

const PORT_NUMBER = /^\d{1,5}$/;

function parsePortRange(text: string): Parsed<[number, number]> {
  const [a, b, ...rest] = text.split('-');
  if (rest.length || a === undefined || !PORT_NUMBER.test(a) || (b !== undefined && !PORT_NUMBER.test(b))) {
    return fail(runSpecMessages.portNumber(text));
  }
  const start = Number(a);
  const end = b === undefined ? start : Number(b);
  if (start < 1 || start > 65535 || end < 1 || end > 65535) return fail(runSpecMessages.portNumber(text));
  if (end < start) return fail(runSpecMessages.portRange(text));
  return ok([start, end]);
}

function isIpv4(ip: string): boolean {
  const parts = ip.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function isIpv6(ip: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(ip) || !ip.includes(':')) return false;
  const doubles = ip.split('::').length - 1;
  if (doubles > 1) return false;
  const groups = ip.split(':').filter((g) => g !== '');
  const last = groups[groups.length - 1] ?? '';
  const v4Tail = last.includes('.');
  if (v4Tail && !isIpv4(last)) return false;
  const hexGroups = v4Tail ? groups.slice(0, -1) : groups;
  if (!hexGroups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const count = hexGroups.length + (v4Tail ? 2 : 0);
  return doubles === 1 ? count < 8 : count === 8;
}

/** One mapping: [ip:][hostPort:]containerPort[/proto], ranges allowed as in `docker run -p`. */
export function parsePortSpec(spec: string): Parsed<PortBinding[]> {
  let rest = spec;
  let protocol: Protocol = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    const proto = rest.slice(slash + 1).toLowerCase();
    if (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp') return fail(runSpecMessages.portProtocol(proto));
    protocol = proto;
    rest = rest.slice(0, slash);
  }
  let hostIp = '';
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']:');
    if (close < 0) return fail(runSpecMessages.portFormat(spec));
    hostIp = rest.slice(1, close);
    if (!isIpv6(hostIp)) return fail(runSpecMessages.portIp(hostIp));
    rest = rest.slice(close + 2);
  }
  const parts = rest.split(':');
  let hostPart = '';
  let containerPart: string;
  if (parts.length === 1) containerPart = parts[0]!;
  else if (parts.length === 2) [hostPart, containerPart] = parts as [string, string];
  else if (parts.length === 3 && hostIp === '') {
    hostIp = parts[0]!;
    hostPart = parts[1]!;
    containerPart = parts[2]!;
    if (!isIpv4(hostIp) && !isIpv6(hostIp)) return fail(runSpecMessages.portIp(hostIp));
  } else return fail(runSpecMessages.portFormat(spec));
  if (containerPart === '') return fail(runSpecMessages.portFormat(spec));

  const container = parsePortRange(containerPart);
  if (!container.ok) return container;
  const [cStart, cEnd] = container.value;
  if (hostPart === '') {
    const out: PortBinding[] = [];
    for (let p = cStart; p <= cEnd; p++) out.push({ containerPort: p, protocol, hostIp, hostPort: '' });
    return ok(out);
  }
  const host = parsePortRange(hostPart);
  if (!host.ok) return host;
  const [hStart, hEnd] = host.value;
  if (cEnd - cStart !== hEnd - hStart) {
    // A host range for one container port lets the engine pick a free one from it.
    if (cStart === cEnd) return ok([{ containerPort: cStart, protocol, hostIp, hostPort: `${hStart}-${hEnd}` }]);
    return fail(runSpecMessages.portRanges(spec));
  }
  const out: PortBinding[] = [];
  for (let i = 0; i <= cEnd - cStart; i++) {
    out.push({ containerPort: cStart + i, protocol, hostIp, hostPort: String(hStart + i) });
  }
  return ok(out);
}

/** Several mappings, separated by newlines, commas or spaces. */
export function parsePorts(input: string): Parsed<PortBinding[]> {
  const out: PortBinding[] = [];
  for (const spec of input.split(/[\s,]+/).filter((s) => s !== '')) {
    const parsed = parsePortSpec(spec);
    if (!parsed.ok) return parsed;
    out.push(...parsed.value);
  }
  return ok(out);
}

// ---------------------------------------------------------------- KEY=VALUE lines

const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Lines as the docker CLI reads an env file: leading spaces trimmed, blank and # lines skipped. */
function keyValueLines(
  input: string,
  keyProblem: (line: number, key: string) => string | null,
): Parsed<[string, string][]> {
  const out: [string, string][] = [];
  const lines = input.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) return fail(runSpecMessages.envLine(i + 1));
    const key = line.slice(0, eq);
    const problem = keyProblem(i + 1, key);
    if (problem) return fail(problem);
    out.push([key, line.slice(eq + 1)]);
  }
  return ok(out);
}

/** Environment lines → ["KEY=VALUE", …]; the value is kept as typed (spaces included). */
export function parseEnv(input: string): Parsed<string[]> {
  const parsed = keyValueLines(input, (line, key) => (ENV_KEY.test(key) ? null : runSpecMessages.envKey(line, key)));
  return parsed.ok ? ok(parsed.value.map(([k, v]) => `${k}=${v}`)) : parsed;
}

/** KEY=VALUE lines → a map (later lines win), for labels, build args and driver options. */
export function parseKeyValues(input: string, kind: 'label' | 'env' | 'option' = 'label'): Parsed<Record<string, string>> {
  const parsed = keyValueLines(input, (line, key) => {
    if (kind === 'env') return ENV_KEY.test(key) ? null : runSpecMessages.envKey(line, key);
    if (!/\s/.test(key)) return null;
    return kind === 'option' ? runSpecMessages.optionKey(line, key) : runSpecMessages.labelKey(line, key);
  });
  return parsed.ok ? ok(Object.fromEntries(parsed.value)) : parsed;
}

// ---------------------------------------------------------------- volumes

const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** One mount per line: name:/path[:ro|rw] or /host/path:/path[:ro|rw]. */
export function parseVolumes(input: string): Parsed<VolumeMount[]> {
  const out: VolumeMount[] = [];
  const lines = input.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const n = i + 1;
    if (line === '' || line.startsWith('#')) continue;
    const parts = line.split(':');
    if (parts.length < 2 || parts.length > 3) return fail(runSpecMessages.volumeFormat(n));
    const [source, target, mode] = parts as [string, string, string | undefined];
    if (source === '' || target === '') return fail(runSpecMessages.volumeFormat(n));
    const kind = source.startsWith('/') ? 'bind' : 'volume';
    if (kind === 'volume' && !VOLUME_NAME.test(source)) return fail(runSpecMessages.volumeName(n, source));
    if (!target.startsWith('/') || target.replace(/\/+$/, '') === '') return fail(runSpecMessages.volumeTarget(n, target));
    if (mode !== undefined && mode !== 'ro' && mode !== 'rw') return fail(runSpecMessages.volumeMode(n, mode));
    const normalized = target.replace(/\/+$/, '');
    if (out.some((m) => m.target === normalized)) return fail(runSpecMessages.volumeDuplicate(n, normalized));
    out.push({ kind, source, target: normalized, readOnly: mode === 'ro' });
  }
  return ok(out);
}

// ---------------------------------------------------------------- restart, cpus, memory

export function parseRestartPolicy(input: string): Parsed<RestartPolicy> {
  const text = input.trim();
  if (text === '' || text === 'no') return ok({ name: 'no', maximumRetryCount: 0 });
  if (text === 'always' || text === 'unless-stopped') return ok({ name: text, maximumRetryCount: 0 });
  const m = /^on-failure(?::(.*))?$/.exec(text);
  if (!m) return fail(runSpecMessages.restart(text));
  if (m[1] === undefined) return ok({ name: 'on-failure', maximumRetryCount: 0 });
  if (!/^\d{1,6}$/.test(m[1])) return fail(runSpecMessages.restartCount);
  return ok({ name: 'on-failure', maximumRetryCount: Number(m[1]) });
}

/** "1.5" → 1_500_000_000 NanoCpus, computed on the digits so 0.1 stays exact. */
export function parseCpus(input: string, hostCpus?: number | null): Parsed<number | null> {
  const text = input.trim();
  if (text === '') return ok(null);
  const m = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return fail(runSpecMessages.cpusFormat(text));
  const fraction = m[2] ?? '';
  if (fraction.length > 9) return fail(runSpecMessages.cpusPrecision);
  const nano = Number(m[1] || '0') * 1e9 + Number(fraction.padEnd(9, '0'));
  const max = hostCpus && hostCpus > 0 ? hostCpus : null;
  if (!Number.isSafeInteger(nano) || nano < 1e7 || (max !== null && nano > max * 1e9)) {
    return fail(runSpecMessages.cpusRange(max));
  }
  return ok(nano);
}

const MEMORY_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** Docker's RAMInBytes: "512m", "1.5g", "100k", "1GiB", plain bytes; binary multiples. */
export function parseMemory(input: string): Parsed<number | null> {
  const text = input.trim();
  if (text === '') return ok(null);
  const m = /^(\d+(?:\.\d+)?|\.\d+) ?([kKmMgGtT])?(?:[iI]?[bB])?$/.exec(text);
  if (!m) return fail(runSpecMessages.memoryFormat(text));
  const bytes = Math.floor(Number(m[1]) * MEMORY_UNITS[(m[2] ?? '').toLowerCase()]!);
  if (!Number.isSafeInteger(bytes)) return fail(runSpecMessages.memoryFormat(text));
  if (bytes < MIN_MEMORY_BYTES) return fail(runSpecMessages.memoryMinimum);
  return ok(bytes);
}

export function parseNetwork(input: string): Parsed<string | null> {
  const text = input.trim();
  if (text === '') return ok(null);
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.:-]*$/.test(text)) return fail(runSpecMessages.network(text));
  return ok(text);
}

// ---------------------------------------------------------------- the whole form

export type RunFormCheck = { ok: true; spec: RunSpec } | { ok: false; problems: FieldProblems };

/** Checks every field; all problems at once, one message per field. */
export function checkRunForm(form: RunForm, context: RunContext = {}): RunFormCheck {
  const problems: FieldProblems = {};
  const take = <T>(field: RunField, parsed: Parsed<T>, fallback: T): T => {
    if (parsed.ok) return parsed.value;
    problems[field] ??= parsed.message;
    return fallback;
  };
  const imageProblem = imageRefProblem(form.image.trim());
  if (imageProblem) problems.image = imageProblem;
  // The contract refuses longer fields before any handler runs: say it here, at the field.
  for (const field of Object.keys(RUN_FORM_LIMITS) as (keyof typeof RUN_FORM_LIMITS)[]) {
    const max = RUN_FORM_LIMITS[field];
    if (form[field].length > max) problems[field] = runSpecMessages.tooLong(runSpecMessages.fieldWords[field], form[field].length, max);
  }
  const name = take('name', parseContainerName(form.name), null);
  const command = take('command', splitCommand(form.command), null);
  const ports = take('ports', parsePorts(form.ports), []);
  const env = take('env', parseEnv(form.env), []);
  const volumes = take('volumes', parseVolumes(form.volumes), []);
  const restartPolicy = take<RestartPolicy>('restartPolicy', parseRestartPolicy(form.restartPolicy), {
    name: 'no',
    maximumRetryCount: 0,
  });
  const nanoCpus = take('cpus', parseCpus(form.cpus, context.hostCpus), null);
  const memoryBytes = take('memory', parseMemory(form.memory), null);
  const network = take('network', parseNetwork(form.network), null);
  const labels = take('labels', parseKeyValues(form.labels, 'label'), {});
  // Facts of another network (the choice changed since they were read) say nothing about this one.
  const facts = context.network && context.network.name === network ? context.network : null;
  const aliases = take('aliases', parseAliases(form.aliases, network, facts), []);
  const ipv4Address = take('ipv4Address', parseIpv4Address(form.ipv4Address, network, facts), null);

  if (form.autoRemove && restartPolicy.name !== 'no' && !problems.restartPolicy) {
    problems.restartPolicy = runSpecMessages.restartWithAutoRemove;
  }
  if ((network === 'host' || network === 'none') && ports.length > 0 && !problems.ports) {
    problems.ports = runSpecMessages.portsWithNetwork(network);
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    spec: {
      image: form.image.trim(),
      name,
      command,
      ports,
      env,
      volumes,
      restartPolicy,
      nanoCpus,
      memoryBytes,
      network,
      aliases,
      ipv4Address,
      autoRemove: form.autoRemove,
      interactive: form.interactive,
      labels,
    },
  };
}

/** Checks one field on its own (for inline messages while typing); cross-field rules included. */
export function fieldProblem(field: RunField, form: RunForm, context: RunContext = {}): string | null {
  const result = checkRunForm(form, context);
  return result.ok ? null : (result.problems[field] ?? null);
}

/** An empty form, optionally with an image filled in. */
export function emptyRunForm(image = ''): RunForm {
  return {
    image,
    name: '',
    command: '',
    ports: '',
    env: '',
    volumes: '',
    restartPolicy: 'no',
    cpus: '',
    memory: '',
    network: '',
    aliases: '',
    ipv4Address: '',
    autoRemove: false,
    interactive: false,
    labels: '',
  };
}
