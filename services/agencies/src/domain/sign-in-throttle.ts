import {
  addressKey,
  consumeLimit,
  envLimit,
  LimiterFactory,
  type LimitSpec,
  type Logger,
  type RateLimitRefusal,
} from '@pantau/common';

type Limiter = ReturnType<LimiterFactory['create']>;

export { emailCountingKey, normaliseEmail } from './email';

export interface SignInLimits {
  /** Failed attempts per client address and account: the owner elsewhere is never locked out by a stranger. */
  perAddressAccount: LimitSpec;
  /** Failed attempts per client address over all accounts: slows one password sprayed over many accounts. */
  perAddress: LimitSpec;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perAddressAccount: { points: 5, durationSeconds: 15 * 60 },
  perAddress: { points: 20, durationSeconds: 60 * 60 },
};

export function signInLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): SignInLimits {
  let pair = envLimit('PANTAU_RATE_LIMIT_SIGNIN_ACCOUNT', DEFAULT_SIGN_IN_LIMITS.perAddressAccount, env);
  // Older name for the number of failures alone.
  if (!env.PANTAU_RATE_LIMIT_SIGNIN_ACCOUNT && env.PANTAU_SIGNIN_MAX_FAILURES) {
    pair = envLimit('PANTAU_SIGNIN_MAX_FAILURES', pair, env);
  }
  return {
    perAddressAccount: pair,
    perAddress: envLimit('PANTAU_RATE_LIMIT_SIGNIN_ADDRESS', DEFAULT_SIGN_IN_LIMITS.perAddress, env),
  };
}

/** What a permitted attempt holds until its outcome is known. */
export interface SignInAttempt {
  address: string;
  account: string;
}

/**
 * Sign-in throttle on rate-limiter-flexible (memory, or Redis shared by every agencies instance when REDIS_URL
 * is set). An attempt is consumed atomically before the password is checked, so parallel guesses cannot
 * exceed the budget; a successful sign-in forgets the address+account failures and gives the address its
 * point back (it does not wipe the address's count, or an attacker could reset it with an account of its own).
 */
export class SignInThrottle {
  private readonly pair: Limiter;
  private readonly address: Limiter;

  constructor(
    private readonly factory: LimiterFactory,
    readonly limits: SignInLimits = signInLimitsFromEnv(),
    private readonly logger?: Logger,
  ) {
    this.pair = factory.create('signin-address-account', limits.perAddressAccount);
    this.address = factory.create('signin-address', limits.perAddress);
  }

  /** Consumes one attempt; a refusal when the address, or the address for this account, has no attempts left. */
  async attempt(clientAddress: string, accountKey: string): Promise<{ refusal: RateLimitRefusal } | { attempt: SignInAttempt }> {
    const address = addressKey(clientAddress);
    const account = `${address}|${accountKey}`;
    const pairRefusal = await consumeLimit(this.pair, 'signIn', account, 1, this.logger);
    if (pairRefusal) return { refusal: pairRefusal };
    const addressRefusal = await consumeLimit(this.address, 'signIn', address, 1, this.logger);
    if (addressRefusal) {
      // Not tried, so not counted against this account.
      await this.pair.reward(account, 1).catch(() => undefined);
      return { refusal: addressRefusal };
    }
    return { attempt: { address, account } };
  }

  async succeeded(attempt: SignInAttempt): Promise<void> {
    await Promise.all([
      this.pair.delete(attempt.account).catch((err) => this.logger?.warn({ err }, 'sign-in throttle: delete failed')),
      this.address.reward(attempt.address, 1).catch((err) => this.logger?.warn({ err }, 'sign-in throttle: reward failed')),
    ]);
  }

  close(): Promise<void> {
    return this.factory.close();
  }
}
