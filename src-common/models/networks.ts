import { z } from 'zod';

/** A network id (64 hex) or name as the engine takes it in a path. */
export const NetworkRef = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[^/\\?#%\s][^/\\?#%]*$/, 'a network id or name');

/** One subnet of a network's IPAM configuration. */
export const NetworkSubnet = z.object({
  subnet: z.string(),
  /** Empty when the engine chose it and did not say. */
  gateway: z.string(),
  ipRange: z.string(),
});
export type NetworkSubnet = z.infer<typeof NetworkSubnet>;

/** A running container's endpoint on a network (network inspect's `Containers`). */
export const NetworkEndpoint = z.object({
  containerId: z.string(),
  /** The endpoint's name as the engine reports it; the live container list has the current name. */
  name: z.string(),
  /** With prefix length, e.g. "172.18.0.2/16"; empty when none. */
  ipv4Address: z.string(),
  ipv6Address: z.string(),
  macAddress: z.string(),
});
export type NetworkEndpoint = z.infer<typeof NetworkEndpoint>;

/** One row of the networks page: network inspect, mapped. */
export const NetworkSummary = z.object({
  id: z.string(),
  name: z.string(),
  driver: z.string(),
  scope: z.string(),
  /** ISO time; empty when the engine does not say. */
  created: z.string(),
  internal: z.boolean(),
  attachable: z.boolean(),
  ingress: z.boolean(),
  enableIPv6: z.boolean(),
  ipamDriver: z.string(),
  subnets: z.array(NetworkSubnet),
  /** bridge, host, none and the engine's other built-in networks: never removable. */
  predefined: z.boolean(),
  labels: z.record(z.string(), z.string()),
  options: z.record(z.string(), z.string()),
  /** Running containers attached, with their addresses. */
  endpoints: z.array(NetworkEndpoint),
});
export type NetworkSummary = z.infer<typeof NetworkSummary>;

export const NetworkChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('snapshot'), networks: z.array(NetworkSummary) }),
  z.object({ kind: z.literal('upsert'), network: NetworkSummary }),
  z.object({ kind: z.literal('remove'), id: z.string() }),
]);
export type NetworkChange = z.infer<typeof NetworkChange>;

// ---------------------------------------------------------------- create

/** The create dialog's fields as typed; main checks them again with the same code. */
export const NetworkCreateForm = z
  .object({
    name: z.string().max(256),
    /** CIDR, IPv4 or IPv6; empty lets the engine choose one. */
    subnet: z.string().max(64),
    gateway: z.string().max(64),
    ipRange: z.string().max(64),
    internal: z.boolean(),
    attachable: z.boolean(),
    /** KEY=VALUE lines. */
    labels: z.string().max(65_536),
  })
  .strict();
export type NetworkCreateForm = z.infer<typeof NetworkCreateForm>;

export const NetworkField = z.enum(['name', 'subnet', 'gateway', 'ipRange', 'labels']);
export type NetworkField = z.infer<typeof NetworkField>;

export const NetworkFieldProblems = z.partialRecord(NetworkField, z.string());
export type NetworkFieldProblems = z.infer<typeof NetworkFieldProblems>;

export const CreateNetworkOutcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('created'), id: z.string(), name: z.string(), warning: z.string() }),
  z.object({ outcome: z.literal('invalid'), problems: NetworkFieldProblems }),
  /** The engine refused on a field the user can fix (a subnet that overlaps, a name taken). */
  z.object({ outcome: z.literal('refused'), field: NetworkField.nullable(), message: z.string() }),
]);
export type CreateNetworkOutcome = z.infer<typeof CreateNetworkOutcome>;

// ---------------------------------------------------------------- connect

export const ConnectForm = z
  .object({
    network: NetworkRef,
    /** Container id or name. */
    container: z.string().max(256),
    /** Aliases separated by commas or spaces. */
    aliases: z.string().max(4096),
    /** A fixed IPv4 or IPv6 address; empty lets the engine choose. */
    ipAddress: z.string().max(64),
  })
  .strict();
export type ConnectForm = z.infer<typeof ConnectForm>;

export const ConnectField = z.enum(['container', 'aliases', 'ipAddress']);
export type ConnectField = z.infer<typeof ConnectField>;

export const ConnectFieldProblems = z.partialRecord(ConnectField, z.string());
export type ConnectFieldProblems = z.infer<typeof ConnectFieldProblems>;

export const ConnectOutcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('connected') }),
  z.object({ outcome: z.literal('invalid'), problems: ConnectFieldProblems }),
  z.object({ outcome: z.literal('refused'), field: ConnectField.nullable(), message: z.string() }),
]);
export type ConnectOutcome = z.infer<typeof ConnectOutcome>;

// ---------------------------------------------------------------- remove and prune

/** A container that uses a network, for refusals and warnings. */
export const NetworkUser = z.object({ id: z.string(), name: z.string(), running: z.boolean() });
export type NetworkUser = z.infer<typeof NetworkUser>;

/** What removing one network means, asked when the remove dialog opens. */
export const RemoveNetworkCheck = z.object({
  id: z.string(),
  name: z.string(),
  /** Why it cannot be removed (predefined, containers attached); null when it can. */
  refusal: z.string().nullable(),
  /** Running containers attached (these block the removal). */
  attached: z.array(NetworkUser),
  /** Stopped containers set to join it: they will fail to start once it is gone. */
  stoppedUsers: z.array(NetworkUser),
});
export type RemoveNetworkCheck = z.infer<typeof RemoveNetworkCheck>;

export const PrunedNetwork = z.object({
  id: z.string(),
  name: z.string(),
  /** Stopped containers that name it: they will not start after the prune. */
  stoppedUsers: z.array(z.string()),
});
export type PrunedNetwork = z.infer<typeof PrunedNetwork>;

export const NetworkPrunePreview = z.object({ networks: z.array(PrunedNetwork) });
export type NetworkPrunePreview = z.infer<typeof NetworkPrunePreview>;

export const NetworkPruneResult = z.object({ removed: z.array(z.string()) });
export type NetworkPruneResult = z.infer<typeof NetworkPruneResult>;
