/**
 * Slows down password guessing: after `maxFailures` failed sign-ins for one email within `windowMs`,
 * further attempts for that email are refused until the window has passed. In memory, per process:
 * behind a load balancer each instance counts on its own (a shared store such as Redis would be the
 * next step), which still bounds guessing to maxFailures × instances per window.
 */
export class SignInThrottle {
  private failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Milliseconds until the next attempt is allowed (0 = allowed now). */
  retryAfterMs(key: string): number {
    const list = this.recent(key);
    if (list.length < this.maxFailures) return 0;
    return list[list.length - this.maxFailures] + this.windowMs - this.now();
  }

  fail(key: string): void {
    const list = this.recent(key);
    list.push(this.now());
    this.failures.set(key, list);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
