import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AppError, signStaffToken, tokenTtlSeconds, unauthenticated } from '@pantau/common';
import { SignInThrottle } from '../domain/sign-in-throttle';
import { Agency } from '../entities/Agency';
import { StaffAccount } from '../entities/StaffAccount';
import { verifyPassword } from '../domain/passwords';
import type { AgenciesContext } from '../context';

@ObjectType()
export class SignInPayload {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`.' })
  token: string;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => StaffAccount)
  account: StaffAccount;
}

// A hash to compare against when the email is unknown, so both paths take the same time.
const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const throttle = new SignInThrottle(Number(process.env.PANTAU_SIGNIN_MAX_FAILURES ?? 5));

@Resolver(() => StaffAccount)
export class AuthResolver {
  @Mutation(() => SignInPayload, { description: 'Signs a staff member in; returns a signed, expiring token.' })
  async signIn(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: AgenciesContext,
  ): Promise<SignInPayload> {
    const key = email.trim().toLowerCase();
    const wait = throttle.retryAfterMs(key);
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60000);
      throw new AppError(
        'RATE_LIMITED',
        `Too many failed sign-ins for this email. Try again in ${minutes} minute(s).`,
        `Terlalu banyak percobaan masuk yang gagal untuk email ini. Coba lagi dalam ${minutes} menit.`,
        { retryAfterSeconds: Math.ceil(wait / 1000) },
      );
    }
    const account = await ctx.ds.getRepository(StaffAccount).findOneBy({ email: key });
    const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account || !ok || !account.active) {
      throttle.fail(key);
      throw unauthenticated('Email or password is wrong.', 'Email atau kata sandi salah.');
    }
    throttle.succeed(key);
    const ttl = tokenTtlSeconds();
    const token = await signStaffToken(
      { id: account.id, email: account.email, name: account.name, role: account.role, agencyId: account.agencyId },
      { ttlSeconds: ttl },
    );
    return { token, expiresAt: new Date(Date.now() + ttl * 1000), account };
  }

  @Query(() => StaffAccount, { nullable: true, description: 'The signed-in staff account.' })
  me(@Ctx() ctx: AgenciesContext) {
    if (!ctx.viewer) return null;
    return ctx.ds.getRepository(StaffAccount).findOneBy({ id: ctx.viewer.id });
  }

  @FieldResolver(() => Agency, { nullable: true })
  agency(@Root() account: StaffAccount, @Ctx() ctx: AgenciesContext) {
    return ctx.loaders.agency.load(account.agencyId);
  }
}
