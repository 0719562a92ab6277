/** `GET /system/df` as Berth reads it (API 1.41+; Podman leaves BuildCache out). */
export interface RawDiskUsage {
  LayersSize?: number;
  Images?: { Id: string; Containers?: number; Size?: number; SharedSize?: number; VirtualSize?: number }[] | null;
  Containers?: { Id: string; Names?: string[]; Image?: string; State?: string; SizeRw?: number; Labels?: Record<string, string> | null }[] | null;
  Volumes?: { Name: string; Labels?: Record<string, string> | null; UsageData?: { Size?: number; RefCount?: number } | null }[] | null;
  BuildCache?:
    | {
        ID: string;
        Type?: string;
        Description?: string;
        InUse?: boolean;
        Shared?: boolean;
        Size?: number;
        LastUsedAt?: string | null;
      }[]
    | null;
  BuilderSize?: number;
}

export interface RawBuildCachePrune {
  CachesDeleted?: string[] | null;
  SpaceReclaimed?: number;
}
