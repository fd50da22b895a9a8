import { Arg, Args, Ctx, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Brackets } from 'typeorm';
import { ConnectionArgs, ConnectionType, keysetPaginate, LIKE_ESCAPE, likeContains, likePrefix } from '@pantau/common';
import { Agency } from '../entities/agency.entity';
import { Duty } from '../entities/duty.entity';
import { Region } from '../entities/region.entity';
import { StaffAccount } from '../entities/staff-account.entity';
import { Topic } from '../entities/topic.entity';
import { Role } from '@pantau/common';
import type { AgenciesContext } from '../context';
import { AgencyFilter } from './agency-filter';

export const AgencyConnection = ConnectionType('Agency', Agency);
export type AgencyConnection = InstanceType<typeof AgencyConnection>;

@ObjectType({ description: 'A topic this agency owns at its level (tupoksi).' })
export class AgencyDuty {
  @Field(() => Topic)
  topic: Topic;

  @Field(() => Boolean, { description: 'False when another kind is preferred for the topic at this level.' })
  primary: boolean;
}

const byName = [
  { column: 'a.name', value: (a: Agency) => a.name, direction: 'ASC' as const },
  { column: 'a.id', value: (a: Agency) => a.id, direction: 'ASC' as const },
];

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => Agency, { nullable: true })
  agency(@Arg('id', () => ID) id: string, @Ctx() ctx: AgenciesContext) {
    return ctx.loaders.agency.load(id);
  }

  @Query(() => AgencyConnection)
  agencies(
    @Arg('filter', () => AgencyFilter, { nullable: true }) filter: AgencyFilter | undefined,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: AgenciesContext,
  ) {
    const f = filter ?? {};
    const qb = ctx.ds.getRepository(Agency).createQueryBuilder('a');
    qb.where('a.active = :active', { active: f.active ?? true });
    if (f.level) qb.andWhere('a.level = :level', { level: f.level });
    if (f.kind) qb.andWhere('a.kind = :kind', { kind: f.kind });
    if (f.parentId) qb.andWhere('a.parentId = :parentId', { parentId: f.parentId });
    if (f.regionCode) {
      qb.andWhere(
        new Brackets((w) =>
          w.where('a.regionCode = :rc', { rc: f.regionCode }).orWhere(`a.regionCode LIKE :rcp ${LIKE_ESCAPE}`, { rcp: likePrefix(`${f.regionCode}.`) }),
        ),
      );
    }
    if (f.search) {
      f.search
        .trim()
        .split(/\s+/)
        .slice(0, 5)
        .forEach((word, i) => {
          // the word taken literally: `%` and `_` match only themselves
          const p = likeContains(word);
          const like = (col: string) => `${col} LIKE :w${i} ${LIKE_ESCAPE}`;
          qb.andWhere(new Brackets((w) => w.where(like('a.name')).orWhere(like('a.code')).orWhere(like('a.nameEn'))), {
            [`w${i}`]: p,
          });
        });
    }
    return keysetPaginate(qb, page, byName);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region the agency serves (null: the whole country).' })
  region(@Root() agency: Agency, @Ctx() ctx: AgenciesContext) {
    return agency.regionCode ? ctx.loaders.region.load(agency.regionCode) : null;
  }

  @FieldResolver(() => Agency, { nullable: true })
  parent(@Root() agency: Agency, @Ctx() ctx: AgenciesContext) {
    return agency.parentId ? ctx.loaders.agency.load(agency.parentId) : null;
  }

  @FieldResolver(() => AgencyConnection)
  children(@Root() agency: Agency, @Args() page: ConnectionArgs, @Ctx() ctx: AgenciesContext) {
    const qb = ctx.ds.getRepository(Agency).createQueryBuilder('a').where('a.parentId = :id', { id: agency.id }).andWhere('a.active = :t', { t: true });
    return keysetPaginate(qb, page, byName);
  }

  @FieldResolver(() => [AgencyDuty], { description: 'Topics this agency owns at its level.' })
  async duties(@Root() agency: Agency, @Ctx() ctx: AgenciesContext): Promise<AgencyDuty[]> {
    const duties = await ctx.ds.getRepository(Duty).findBy({ kind: agency.kind, level: agency.level });
    if (!duties.length) return [];
    const topics = await ctx.ds.getRepository(Topic).find({ order: { code: 'ASC' } });
    const byCode = new Map(topics.map((t) => [t.code, t]));
    return duties
      .filter((d) => byCode.has(d.topicCode))
      .map((d) => ({ topic: byCode.get(d.topicCode)!, primary: d.priority === 0 }))
      .sort((a, b) => a.topic.code.localeCompare(b.topic.code));
  }

  @FieldResolver(() => StaffAccount, {
    nullable: true,
    description: "The agency's liaison (narahubung; per the Perbup, its secretary). Staff only: null for the public.",
  })
  async liaison(@Root() agency: Agency, @Ctx() ctx: AgenciesContext) {
    if (!ctx.viewer) return null;
    return ctx.ds.getRepository(StaffAccount).findOne({
      where: { agencyId: agency.id, role: Role.LIAISON, active: true },
      order: { createdAt: 'ASC', email: 'ASC' },
    });
  }
}
