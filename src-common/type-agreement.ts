/**
 * Compile-time checks that a hand-written type and a schema's inferred type describe the
 * same values, for the few contract types that exist twice (zod-free for the renderer's first
 * screen, see contract/api-error.ts). Mutual assignability: an optional key may be spelled
 * `?: T` on one side and `?: T | undefined` on the other.
 */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Fails to compile unless its argument is `true`: `export type X = Agrees<SameShape<A, B>>`. */
export type Agrees<T extends true> = T;
