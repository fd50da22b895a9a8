/**
 * Small-cell protection as the dashboard shows it. For a signed-out visitor the analytics API withholds
 * (null) every figure made of fewer than k reports (k = 5 by default) and says so on the object:
 * `suppressedBelow` (k) and `suppressedFields` (which figures). A withheld figure is shown as "< 5" with
 * a tooltip, never as 0 or as "no data"; charts draw it as an empty bar and label it "< 5".
 */
export interface Withheld {
  suppressedBelow?: number | null;
  suppressedFields?: string[];
}

/**
 * k when `value` was withheld: it is null and the object says so (for `field`, or for the item itself
 * when no field is given: a topic count, a slice, a trend point), else null.
 */
export function withheldBelow(value: number | null | undefined, obj: Withheld | null | undefined, field?: string): number | null {
  if (value !== null || !obj || obj.suppressedBelow == null) return null;
  if (field !== undefined && obj.suppressedFields && !obj.suppressedFields.includes(field)) return null;
  return obj.suppressedBelow;
}

/** The short text of a withheld figure: "< 5". */
export const withheldText = (k: number): string => `< ${k}`;

/** A figure as text: "< k" when withheld, else the formatted value. */
export function figureText(
  format: (v: number | null | undefined) => string,
  value: number | null | undefined,
  obj: Withheld | null | undefined,
  field?: string,
): string {
  const k = withheldBelow(value, obj, field);
  return k === null ? format(value) : withheldText(k);
}

/** A count for a chart: a withheld one is drawn as an empty bar (its label says "< k"). */
export const chartValue = (n: number | null | undefined): number => n ?? 0;
