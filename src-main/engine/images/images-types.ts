/** The engine's image JSON as Berth reads it (Engine API 1.41+; Podman leaves fields out). */

export interface RawImageSummary {
  Id: string;
  ParentId?: string;
  RepoTags?: string[] | null;
  RepoDigests?: string[] | null;
  Created?: number;
  Size?: number;
  Labels?: Record<string, string> | null;
}

export interface RawImageInspect {
  Id: string;
  RepoTags?: string[] | null;
  RepoDigests?: string[] | null;
  Parent?: string;
  Created?: string;
  Size?: number;
  Architecture?: string;
  Os?: string;
  Variant?: string;
  Config?: {
    Env?: string[] | null;
    Entrypoint?: string[] | string | null;
    Cmd?: string[] | string | null;
    WorkingDir?: string;
    User?: string;
    ExposedPorts?: Record<string, unknown> | null;
    Volumes?: Record<string, unknown> | null;
    Labels?: Record<string, string> | null;
  } | null;
  RootFS?: { Type?: string; Layers?: string[] | null };
}

export interface RawImageDeleteItem {
  Untagged?: string;
  Deleted?: string;
}

export interface RawPruneReport {
  ImagesDeleted?: RawImageDeleteItem[] | null;
  SpaceReclaimed?: number;
}
