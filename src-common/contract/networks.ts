import { z } from 'zod';
import { call, stream, type CallSpec, type StreamSpec } from './define';
import { ContainerId } from '../models/container';
import {
  ConnectForm,
  ConnectOutcome,
  CreateNetworkOutcome,
  NetworkChange,
  NetworkCreateForm,
  NetworkPrunePreview,
  NetworkPruneResult,
  NetworkRef,
  NetworkSummary,
  RemoveNetworkCheck,
} from '../models/networks';

const ById = z.object({ id: NetworkRef }).strict();
/** Engine label filters ("key" or "key=value"); prune removes only networks that match all of them. */
const LabelFilters = z.array(z.string().min(1).max(512)).max(16).optional();

// Feature contract: calls and streams of this feature, spread into calls.ts and streams.ts.
export const networkCalls = {
  'networks.list': call({
    doc: 'Every network with its subnets and the running containers attached (the live list is the networks.changes stream).',
    request: z.object({}).strict(),
    response: z.array(NetworkSummary),
  }),
  'networks.inspect': call({
    doc: 'One network, asked of the engine now.',
    request: ById,
    response: NetworkSummary,
  }),
  'networks.create': call({
    doc:
      'Checks the form (src-common/network-form.ts: name, CIDR, gateway and range inside the subnet, no overlap with ' +
      "another network's subnet) and creates a bridge network. Field-level refusals come back as outcomes.",
    request: z.object({ form: NetworkCreateForm }).strict(),
    response: CreateNetworkOutcome,
  }),
  'networks.removeCheck': call({
    doc: 'What removing a network means now: refused (predefined, or running containers attached, named), and the stopped containers set to join it.',
    request: ById,
    response: RemoveNetworkCheck,
  }),
  'networks.remove': call({
    doc: 'Remove a network. Refused with a conflict naming the containers attached, or when the network is built into the engine.',
    request: ById,
    response: z.null(),
  }),
  'networks.prunePreview': call({
    doc: "Exactly what networks.prune would remove now, by the engine's rule: unused (no running container), not predefined.",
    request: z.object({ labels: LabelFilters }).strict(),
    response: NetworkPrunePreview,
  }),
  'networks.prune': call({
    doc: 'Remove every unused network (matching the label filters); returns the names removed.',
    request: z.object({ labels: LabelFilters }).strict(),
    response: NetworkPruneResult,
  }),
  'networks.connect': call({
    doc: 'Connect a container to a network, with aliases and an optional fixed IP (checked against the subnets first).',
    request: z.object({ form: ConnectForm }).strict(),
    response: ConnectOutcome,
  }),
  'networks.disconnect': call({
    doc: 'Disconnect a container from a network; force for an endpoint whose container is gone.',
    request: z.object({ network: NetworkRef, container: ContainerId, force: z.boolean() }).strict(),
    response: z.null(),
  }),
} as const satisfies Record<string, CallSpec>;

export const networkStreams = {
  'networks.changes': stream({
    doc:
      'The live network list: a snapshot first (and after every events-stream reconnect), then one upsert or ' +
      'remove per network an event names (create, connect, disconnect, destroy).',
    args: z.object({}).strict(),
    chunk: NetworkChange,
  }),
} as const satisfies Record<string, StreamSpec>;
