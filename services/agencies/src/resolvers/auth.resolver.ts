import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { LimiterFactory } from '@pantau/common';
import { SignInThrottle } from '../domain/sign-in-throttle';
import { Agency } from '../entities/agency.entity';
import { StaffAccount } from '../entities/staff-account.entity';
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
    return ctx.staff.signIn(email, password, ctx.clientAddress, throttleFor(ctx));
  }

  @Query(() => StaffAccount, { nullable: true, description: 'The signed-in staff account.' })
  me(@Ctx() ctx: AgenciesContext) {
    return ctx.staff.me(ctx.viewer);
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The agency the account works for.' })
  agency(@Root() account: StaffAccount, @Ctx() ctx: AgenciesContext) {
    return ctx.loaders.agency.load(account.agencyId);
  }
}
