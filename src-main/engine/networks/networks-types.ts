/** The engine's network JSON (`GET /networks`, `GET /networks/{id}`): only what Berth reads. */
export interface RawNetwork {
  Name?: string;
  Id?: string;
  Created?: string;
  Scope?: string;
  Driver?: string;
  EnableIPv6?: boolean;
  IPAM?: {
    Driver?: string;
    Config?: { Subnet?: string; Gateway?: string; IPRange?: string }[] | null;
  } | null;
  Internal?: boolean;
  Attachable?: boolean;
  Ingress?: boolean;
  ConfigOnly?: boolean;
  /** Only in inspect since API 1.28: running containers' endpoints by container id. */
  Containers?: Record<string, RawNetworkEndpoint> | null;
  Options?: Record<string, string> | null;
  Labels?: Record<string, string> | null;
}

export interface RawNetworkEndpoint {
  Name?: string;
  EndpointID?: string;
  MacAddress?: string;
  IPv4Address?: string;
  IPv6Address?: string;
}

/** A container as `GET /containers/json` lists it, with the networks it is set to join. */
export interface RawContainerWithNetworks {
  Id: string;
  Names?: string[];
  State?: string;
  NetworkSettings?: { Networks?: Record<string, { NetworkID?: string }> | null } | null;
}

export interface RawNetworkPruneReport {
  NetworksDeleted?: string[] | null;
}
