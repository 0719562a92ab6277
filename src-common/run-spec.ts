// The run dialog's parsing and validation, pure so the renderer checks a field with the
// very code main uses again before it builds the engine's create request. Rules follow
// the docker CLI (nat.ParsePortSpec, go-units RAMInBytes, opts.NanoCPUs, volume specs,
// restart policies) with messages written for a person reading them under a field.
import type { FixedIpNetwork } from './fixed-ip';
import { imageRefProblem } from './image-ref';
import { fail, ok, show, type Parsed } from './parsed';
import { parseAliases, parseIpv4Address } from './run-network';
import { parsePorts, runPortMessages } from './run-ports';
import { RUN_FORM_LIMITS, type FieldProblems, type RunField, type RunForm } from './models/build-run';

export type { Parsed } from './parsed';
import type { PortBinding } from './run-ports';
export type { PortBinding, Protocol } from './run-ports';

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
  ...runPortMessages,
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
