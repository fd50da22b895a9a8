import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { LimiterFactory, rateLimitedError, signStaffToken, tokenTtlSeconds, unauthenticated } from '@pantau/common';
import { emailCountingKey, normaliseEmail, SignInThrottle } from '../domain/sign-in-throttle';
import { Agency } from '../entities/agency.entity';
import { StaffAccount } from '../entities/staff-account.entity';
import { verifyPassword } from '../domain/passwords';
import type { AgenciesContext } from '../context';

@ObjectType({ description: 'A signed-in staff session.' })
export class SignInPayload {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`.' })
  token: string;

  @Field(() => Date, { description: 'When the token stops working; sign in again after it.' })
  expiresAt: Date;

  @Field(() => StaffAccount, { description: 'The account that signed in.' })
  account: StaffAccount;
}

// A hash to compare against when the email is unknown, so both paths take the same time.
const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

let fallbackThrottle: SignInThrottle | undefined;
/** Servers pass their own throttle in the context; this one serves contexts built elsewhere. */
function throttleFor(ctx: AgenciesContext): SignInThrottle {
  return ctx.signInThrottle ?? (fallbackThrottle ??= new SignInThrottle(new LimiterFactory()));
}

@Resolver(() => StaffAccount)
export class AuthResolver {
  @Mutation(() => SignInPayload, { description: 'Signs a staff member in; returns a signed, expiring token.' })
  async signIn(
    @Arg('email', () => String, { description: 'Sign-in email (case-insensitive).' }) email: string,
    @Arg('password', () => String, { description: 'Password. Repeated failures are rate-limited (RATE_LIMITED).' }) password: string,
    @Ctx() ctx: AgenciesContext,
  ): Promise<SignInPayload> {
    // One form for lookup and counting; MariaDB's collation may still match accent/case variants, so attempts
    // are counted by the account found, and only by the typed email when there is none.
    const normalised = normaliseEmail(email);
    const account = normalised.length <= 254 ? await ctx.ds.getRepository(StaffAccount).findOneBy({ email: normalised }) : null;
    const throttle = throttleFor(ctx);
    // Consumed before the password is checked (atomic in memory and in Redis): parallel guesses cannot exceed the budget.
    const verdict = await throttle.attempt(ctx.clientAddress, emailCountingKey(account?.email ?? normalised));
    if ('refusal' in verdict) {
      const wait = verdict.refusal.retryAfterSeconds;
      const minutes = Math.ceil(wait / 60);
      throw rateLimitedError(verdict.refusal, {
        message: `Too many failed sign-ins. Try again in ${minutes} minute(s).`,
        messageId: `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${minutes} menit.`,
      });
    }
    const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account || !ok || !account.active) {
      throw unauthenticated('Email or password is wrong.', 'Email atau kata sandi salah.');
    }
    await throttle.succeeded(verdict.attempt);
    const ttl = tokenTtlSeconds();
    const token = await signStaffToken(
      { id: account.id, email: account.email, name: account.name, role: account.role, agencyId: account.agencyId, tokenVersion: account.tokenVersion },
      { ttlSeconds: ttl },
    );
    return { token, expiresAt: new Date(Date.now() + ttl * 1000), account };
  }

  @Query(() => StaffAccount, { nullable: true, description: 'The signed-in staff account.' })
  me(@Ctx() ctx: AgenciesContext) {
    if (!ctx.viewer) return null;
    return ctx.ds.getRepository(StaffAccount).findOneBy({ id: ctx.viewer.id });
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The agency the account works for.' })
  agency(@Root() account: StaffAccount, @Ctx() ctx: AgenciesContext) {
    return ctx.loaders.agency.load(account.agencyId);
  }
}
