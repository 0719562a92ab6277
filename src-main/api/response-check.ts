import { z } from 'zod';

/** A long array answer is checked this many items per turn of the event loop. */
export const CHECK_SLICE_ITEMS = 250;

export interface ResponseIssue {
  path: PropertyKey[];
  message: string;
}

export type ResponseCheck = { ok: true; value: unknown } | { ok: false; issues: ResponseIssue[] };

/**
 * Answers already checked (or being checked), by identity: the value a handler returned
 * → what the schema made of it. Coalesced engine reads hand the same answer to many
 * callers (200 concurrent containers.list calls share one list), and they all wait for
 * one check. Handlers' results are never mutated after they return.
 */
const checks = new WeakMap<object, Promise<ResponseCheck>>();

/**
 * Checks a handler's answer against its contract schema, so nothing off-contract leaves.
 *
 * A long array whose schema has no array-wide rules is checked a slice at a time, one
 * slice per turn of the event loop: checking 1000 containers at once held the thread
 * for 10–40 ms (more while zod is still cold), and everything else the server does
 * (an unrelated HTTP request, another socket's messages) waited behind it. Item by item
 * the outcome is the one a single check gives, issue paths included.
 */
export function checkResponse(schema: z.ZodType, value: unknown): Promise<ResponseCheck> {
  if (typeof value !== 'object' || value === null) return Promise.resolve(checkAtOnce(schema, value));
  let check = checks.get(value);
  if (!check) {
    const items = sliceableItems(schema, value);
    check = items ? checkInSlices(items.element, items.value) : Promise.resolve(checkAtOnce(schema, value));
    checks.set(value, check);
  }
  return check;
}

function checkAtOnce(schema: z.ZodType, value: unknown): ResponseCheck {
  const checked = schema.safeParse(value);
  return checked.success ? { ok: true, value: checked.data } : { ok: false, issues: checked.error.issues };
}

function sliceableItems(schema: z.ZodType, value: object): { element: z.ZodType; value: unknown[] } | null {
  if (!(schema instanceof z.ZodArray) || !Array.isArray(value) || value.length <= CHECK_SLICE_ITEMS) return null;
  if ((schema.def.checks?.length ?? 0) > 0) return null; // min/max/length rules see the whole array
  return { element: schema.element as z.ZodType, value: value as unknown[] };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function checkInSlices(element: z.ZodType, items: readonly unknown[]): Promise<ResponseCheck> {
  const sliceSchema = z.array(element);
  const out: unknown[] = [];
  for (let start = 0; start < items.length; start += CHECK_SLICE_ITEMS) {
    await nextTurn();
    const checked = sliceSchema.safeParse(items.slice(start, start + CHECK_SLICE_ITEMS));
    if (!checked.success) {
      const issues = checked.error.issues.map((issue) => {
        const [index, ...rest] = issue.path;
        return typeof index === 'number' ? { ...issue, path: [start + index, ...rest] } : issue;
      });
      return { ok: false, issues };
    }
    out.push(...checked.data);
  }
  return { ok: true, value: out };
}
