import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { AgenciesContext } from '../context';
import { ApiClient } from '../entities/api-client.entity';

@ObjectType({ description: 'A newly issued Open311 API key: shown this once, only its hash is kept.' })
export class IssuedApiClient {
  @Field(() => ApiClient, { description: 'The client application the key belongs to.' })
  client: ApiClient;

  @Field(() => String, { description: 'The API key (send as api_key to /open311/v2/requests). Not retrievable later.' })
  apiKey: string;
}

/** ADMIN: Open311 client applications and their API keys (issue 14). */
@Resolver(() => ApiClient)
export class ApiClientResolver {
  @Query(() => [ApiClient], { description: 'ADMIN: Open311 client applications, newest first (revoked ones included).' })
  apiClients(@Ctx() ctx: AgenciesContext) {
    return ctx.apiClients.list(ctx.viewer);
  }

  @Mutation(() => IssuedApiClient, { description: 'ADMIN: issues an Open311 API key for a client application.' })
  async issueApiClient(
    @Arg('name', () => String, { description: 'Name of the application (at most 120 characters).' }) name: string,
    @Arg('contact', () => String, { nullable: true, description: 'Who runs it: email or URL (at most 254 characters).' }) contact: string | undefined,
    @Ctx() ctx: AgenciesContext,
  ): Promise<IssuedApiClient> {
    return Object.assign(new IssuedApiClient(), await ctx.apiClients.issue(ctx.viewer, name, contact));
  }

  @Mutation(() => ApiClient, { description: 'ADMIN: revokes an Open311 API key; it stops working at once.' })
  revokeApiClient(@Arg('id', () => ID, { description: 'Id of the API client to revoke.' }) id: string, @Ctx() ctx: AgenciesContext) {
    return ctx.apiClients.revoke(ctx.viewer, id);
  }
}
