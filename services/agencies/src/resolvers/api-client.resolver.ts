import crypto from 'node:crypto';
import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { badInput, forbidden, notFound, Role, unauthenticated, type Viewer } from '@pantau/common';
import type { AgenciesContext } from '../context';
import { ApiClient } from '../entities/api-client.entity';
import { apiKeyDisplayPrefix, generateApiKey, hashApiKey } from '../domain/api-keys';

@ObjectType({ description: 'A newly issued Open311 API key: shown this once, only its hash is kept.' })
export class IssuedApiClient {
  @Field(() => ApiClient, { description: 'The client application the key belongs to.' })
  client: ApiClient;

  @Field(() => String, { description: 'The API key (send as api_key to /open311/v2/requests). Not retrievable later.' })
  apiKey: string;
}

function requireAdmin(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  if (viewer.role !== Role.ADMIN) throw forbidden('Only an admin manages Open311 API keys.', 'Hanya admin yang dapat mengelola kunci API Open311.');
  return viewer;
}

function cleanText(value: string | null | undefined, field: string, max: number, required: boolean): string | null {
  const v = (value ?? '').trim();
  if (!v) {
    if (required) throw badInput(`${field} must not be empty.`, `${field} wajib diisi.`, { field });
    return null;
  }
  if (v.length > max) throw badInput(`${field} is longer than ${max} characters.`, `${field} lebih dari ${max} karakter.`, { field });
  return v;
}

/** ADMIN: Open311 client applications and their API keys (issue 14). */
@Resolver(() => ApiClient)
export class ApiClientResolver {
  @Query(() => [ApiClient], { description: 'ADMIN: Open311 client applications, newest first (revoked ones included).' })
  async apiClients(@Ctx() ctx: AgenciesContext) {
    requireAdmin(ctx.viewer);
    return ctx.ds.getRepository(ApiClient).find({ order: { createdAt: 'DESC', id: 'ASC' }, take: 500 });
  }

  @Mutation(() => IssuedApiClient, { description: 'ADMIN: issues an Open311 API key for a client application.' })
  async issueApiClient(
    @Arg('name', () => String, { description: 'Name of the application (at most 120 characters).' }) name: string,
    @Arg('contact', () => String, { nullable: true, description: 'Who runs it: email or URL (at most 254 characters).' }) contact: string | undefined,
    @Ctx() ctx: AgenciesContext,
  ): Promise<IssuedApiClient> {
    const viewer = requireAdmin(ctx.viewer);
    const apiKey = generateApiKey();
    const repo = ctx.ds.getRepository(ApiClient);
    const client = repo.create({
      id: crypto.randomUUID(),
      name: cleanText(name, 'name', 120, true)!,
      contact: cleanText(contact, 'contact', 254, false),
      keyHash: hashApiKey(apiKey),
      keyPrefix: apiKeyDisplayPrefix(apiKey),
      createdBy: viewer.id,
      revokedAt: null,
    });
    await repo.insert(client);
    return Object.assign(new IssuedApiClient(), { client: await repo.findOneByOrFail({ id: client.id }), apiKey });
  }

  @Mutation(() => ApiClient, { description: 'ADMIN: revokes an Open311 API key; it stops working at once.' })
  async revokeApiClient(@Arg('id', () => ID, { description: 'Id of the API client to revoke.' }) id: string, @Ctx() ctx: AgenciesContext) {
    requireAdmin(ctx.viewer);
    const repo = ctx.ds.getRepository(ApiClient);
    const row = id.length <= 36 ? await repo.findOneBy({ id }) : null;
    if (!row) throw notFound('No such API client.', 'Klien API tidak ditemukan.');
    if (!row.revokedAt) {
      await repo.update({ id }, { revokedAt: new Date() });
    }
    return repo.findOneByOrFail({ id });
  }
}
