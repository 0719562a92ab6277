import { z } from 'zod';

// ---------------------------------------------------------------- run

/**
 * The run dialog's fields exactly as typed. Main parses them with the same code the
 * renderer validated them with (src-common/run-spec.ts), so nothing unchecked reaches
 * the engine even from a client that skipped the form.
 */
/** The longest each text field of the run form may be (the contract refuses more; the form says so first). */
export const RUN_FORM_LIMITS = {
  image: 1024,
  name: 256,
  command: 16_384,
  ports: 16_384,
  env: 262_144,
  volumes: 16_384,
  restartPolicy: 64,
  cpus: 32,
  memory: 32,
  network: 256,
  aliases: 4096,
  ipv4Address: 64,
  labels: 65_536,
} as const;

export const RunForm = z
  .object({
    image: z.string().max(RUN_FORM_LIMITS.image),
    name: z.string().max(RUN_FORM_LIMITS.name),
    /** Shell-like: quotes and backslashes group words. Empty keeps the image's command. */
    command: z.string().max(RUN_FORM_LIMITS.command),
    /** One mapping per line (or comma separated): [ip:][hostPort:]containerPort[/proto]. */
    ports: z.string().max(RUN_FORM_LIMITS.ports),
    /** KEY=VALUE lines; blank lines and # comments are ignored. */
    env: z.string().max(RUN_FORM_LIMITS.env),
    /** One per line: name:/path[:ro] or /host/path:/path[:ro]. */
    volumes: z.string().max(RUN_FORM_LIMITS.volumes),
    /** no, always, unless-stopped, on-failure[:N]; empty means no. */
    restartPolicy: z.string().max(RUN_FORM_LIMITS.restartPolicy),
    /** e.g. "1.5"; empty means no limit. */
    cpus: z.string().max(RUN_FORM_LIMITS.cpus),
    /** e.g. "512m", "1g"; empty means no limit. */
    memory: z.string().max(RUN_FORM_LIMITS.memory),
    /** A network name; empty means the engine's default (bridge). */
    network: z.string().max(RUN_FORM_LIMITS.network),
    /** Names the container also answers to on that network, separated by commas or spaces (--network-alias). */
    aliases: z.string().max(RUN_FORM_LIMITS.aliases),
    /** A fixed IPv4 address on that network (--ip); empty lets the engine choose. */
    ipv4Address: z.string().max(RUN_FORM_LIMITS.ipv4Address),
    autoRemove: z.boolean(),
    /** Keep stdin open and allocate a TTY (docker run -it). */
    interactive: z.boolean(),
    /** KEY=VALUE lines. */
    labels: z.string().max(RUN_FORM_LIMITS.labels),
  })
  .strict();
export type RunForm = z.infer<typeof RunForm>;

export const RunField = z.enum([
  'image',
  'name',
  'command',
  'ports',
  'env',
  'volumes',
  'restartPolicy',
  'cpus',
  'memory',
  'network',
  'aliases',
  'ipv4Address',
  'labels',
]);
export type RunField = z.infer<typeof RunField>;

export const FieldProblems = z.partialRecord(RunField, z.string());
export type FieldProblems = z.infer<typeof FieldProblems>;

/** What `run.start` did: started, or why not with the field concerned. */
export const RunOutcome = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('started'),
    id: z.string(),
    name: z.string(),
    /** The engine's warnings from create (e.g. swap limit not supported). */
    warnings: z.array(z.string()),
  }),
  /** The form did not parse (main re-validates): one message per field. */
  z.object({ outcome: z.literal('invalid'), problems: FieldProblems }),
  /** The image is not on the engine: offer a pull, then try again. */
  z.object({ outcome: z.literal('image-missing'), image: z.string() }),
  /**
   * The engine refused, on a field the user can fix (port allocated → ports, name in
   * use → name). The created container was removed again so a retry starts clean.
   */
  z.object({ outcome: z.literal('refused'), field: RunField.nullable(), message: z.string() }),
]);
export type RunOutcome = z.infer<typeof RunOutcome>;

export const NetworkChoice = z.object({
  id: z.string(),
  name: z.string(),
  driver: z.string(),
  /** Built into the engine (bridge, host, none): no aliases, no fixed addresses. */
  predefined: z.boolean(),
  /** The network's subnets and gateways, for the fixed-address check at the field. */
  subnets: z.array(z.object({ subnet: z.string(), gateway: z.string() })),
});
export type NetworkChoice = z.infer<typeof NetworkChoice>;

/** What the run dialog needs from the engine when it opens (asked on demand, never polled). */
export const RunOptions = z.object({
  networks: z.array(NetworkChoice),
  /** Host CPUs (GET /info NCPU), for the CPU limit's upper bound; null when unknown. */
  hostCpus: z.number().int().positive().nullable(),
  /** Host memory in bytes (MemTotal), shown as a hint; null when unknown. */
  hostMemoryBytes: z.number().int().positive().nullable(),
});
export type RunOptions = z.infer<typeof RunOptions>;

// ---------------------------------------------------------------- build

/** Build args and labels as KEY=VALUE maps; the renderer parses the lines with run-spec's helpers. */
const StringMap = z.record(z.string().min(1).max(256), z.string().max(65_536));

export const BuildRequest = z
  .object({
    /** Absolute folder on the machine running Berth's main process. */
    contextPath: z.string().min(1).max(4096),
    /** Relative to the context; "Dockerfile" when empty. */
    dockerfile: z.string().max(4096),
    tag: z.string().max(1024),
    buildArgs: StringMap,
    target: z.string().max(256),
    noCache: z.boolean(),
    /** Only what the user typed: Berth adds no labels of its own. */
    labels: StringMap,
  })
  .strict();
export type BuildRequest = z.infer<typeof BuildRequest>;

/** A checked build context: the folder and the Dockerfile in it exist. */
export const CheckedContext = z.object({
  contextPath: z.string(),
  dockerfile: z.string(),
  /** How many .dockerignore patterns apply (0 without the file). */
  ignorePatterns: z.number().int(),
});
export type CheckedContext = z.infer<typeof CheckedContext>;

export const BuildStep = z.object({
  /** 1-based, as the engine prints it ("Step 3/7"). */
  index: z.number().int(),
  total: z.number().int(),
  /** "RUN apk add …" */
  instruction: z.string(),
});
export type BuildStep = z.infer<typeof BuildStep>;

/** One batch of build output; lines are batched so a chatty RUN does not flood the transport. */
export const BuildChunk = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sent'), contextBytes: z.number().int(), files: z.number().int() }),
  z.object({ kind: z.literal('output'), lines: z.array(z.string()), step: BuildStep.nullable() }),
  z.object({ kind: z.literal('done'), imageId: z.string(), tag: z.string() }),
  /** The engine's error (errorDetail.message) and the step that was running. */
  z.object({ kind: z.literal('failed'), message: z.string(), step: BuildStep.nullable() }),
]);
export type BuildChunk = z.infer<typeof BuildChunk>;
