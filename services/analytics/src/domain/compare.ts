/**
 * Compares two figure trees (API answers, brute force, rollups vs raw): integers exactly, other numbers
 * within a relative 1e-9 (float sums may be added in another order). Returns the first difference.
 */
export function closeDiff(actual: unknown, expected: unknown, path = '$'): string | null {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Number.isInteger(expected) && Number.isInteger(actual)) return actual === expected ? null : `${path}: ${actual} !== ${expected}`;
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)) ? null : `${path}: ${actual} !≈ ${expected}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected an array, got ${JSON.stringify(actual)}`;
    if (actual.length !== expected.length) return `${path}: length ${actual.length} !== ${expected.length} (${JSON.stringify(actual).slice(0, 300)} vs ${JSON.stringify(expected).slice(0, 300)})`;
    for (let i = 0; i < expected.length; i++) {
      const d = closeDiff(actual[i], expected[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return `${path}: expected an object, got ${JSON.stringify(actual)}`;
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual as object)]);
    for (const k of keys) {
      const d = closeDiff((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return Object.is(actual, expected) || actual === expected ? null : `${path}: ${JSON.stringify(actual)} !== ${JSON.stringify(expected)}`;
}
