import { Arg, Args, Ctx, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, ConnectionType } from '@pantau/common';
import { Agency } from '../entities/agency.entity';
import { Region } from '../entities/region.entity';
import { StaffAccount } from '../entities/staff-account.entity';
import { Topic } from '../entities/topic.entity';
import type { AgenciesContext } from '../context';
import { AgencyFilter } from './agency-filter';

export const AgencyConnection = ConnectionType('Agency', Agency);
export type AgencyConnection = InstanceType<typeof AgencyConnection>;

@ObjectType({ description: 'A topic this agency owns at its level (tupoksi).' })
export class AgencyDuty {
  @Field(() => Topic, { description: 'The topic owned.' })
  topic: Topic;

  @Field(() => Boolean, { description: 'False when another kind is preferred for the topic at this level.' })
  primary: boolean;
}

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => Agency, { nullable: true, description: 'An agency by id; null when there is none.' })
  agency(@Arg('id', () => ID, { description: 'Agency id.' }) id: string, @Ctx() ctx: AgenciesContext) {
    return ctx.loaders.agency.load(id);
  }

  @Query(() => AgencyConnection, { description: 'The agency registry, by name; active agencies only unless the filter says otherwise.' })
  agencies(
    @Arg('filter', () => AgencyFilter, { nullable: true, description: 'Which agencies to list; all given filters must match.' }) filter: AgencyFilter | undefined,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: AgenciesContext,
  ) {
    return ctx.registry.agencies(filter, page);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region the agency serves (null: the whole country).' })
  region(@Root() agency: Agency, @Ctx() ctx: AgenciesContext) {
    return agency.regionCode ? ctx.loaders.region.load(agency.regionCode) : null;
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The agency this one belongs to (null at the top).' })
  parent(@Root() agency: Agency, @Ctx() ctx: AgenciesContext) {
    return agency.parentId ? ctx.loaders.agency.load(agency.parentId) : null;
  }

  @FieldResolver(() => AgencyConnection, { description: 'Agencies directly under this one.' })
  children(@Root() agency: Agency, @Args() page: ConnectionArgs, @Ctx() ctx: AgenciesContext) {
    return ctx.registry.agencyChildren(agency.id, page);
  }

  @FieldResolver(() => [AgencyDuty], { description: 'Topics this agency owns at its level.' })
  duties(@Root() agency: Agency, @Ctx() ctx: AgenciesContext): Promise<AgencyDuty[]> {
    return ctx.registry.duties(agency);
  }

  @FieldResolver(() => StaffAccount, {
    nullable: true,
    description: "The agency's liaison (narahubung; per the Perbup, its secretary). Staff only: null for the public.",
  })
  liaison(@Root() agency: Agency, @Ctx() ctx: AgenciesContext) {
    if (!ctx.viewer) return null;
    return ctx.registry.liaison(agency.id);
  }
}
