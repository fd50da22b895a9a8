import fs from 'node:fs';
import path from 'node:path';
import { Arg, Ctx, Field, ID, InputType, ObjectType, Query, Resolver } from 'type-graphql';
import { IsOptional, Length, Matches } from 'class-validator';
import { In, IsNull } from 'typeorm';
import { AppError, badInput, notFound, type RoadStatus } from '@pantau/common';
import { REGION_CODE_PATTERN } from '@pantau/contract';
import { Agency } from '../entities/agency.entity';
import { Duty } from '../entities/duty.entity';
import { Road, RoadRegion } from '../entities/road.entity';
import { Topic } from '../entities/topic.entity';
import { resolveJurisdiction, JurisdictionError, type RoadOwner } from '../domain/jurisdiction';
import { isRegionCode, lineage } from '../domain/regions';
import { SEED_DIR } from '../storage/seed-registry';
import type { AgenciesContext } from '../context';

@InputType({ description: 'What a complaint is about and where, to find the agency that must act.' })
export class JurisdictionInput {
  @Field(() => String, { description: 'Topic code, see `topics`.' })
  @Length(1, 40)
  topic: string;

  @Field(() => String, { description: 'Kemendagri code of where the problem is.' })
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a Kemendagri code such as 64.02.18.2001' })
  regionCode: string;

  @Field(() => ID, { nullable: true, description: 'The road the complaint is about, if any.' })
  @IsOptional()
  roadId?: string;
}

@ObjectType({ description: 'Who must act on a complaint, and why.' })
export class Jurisdiction {
  @Field(() => Agency, { description: 'The one agency that must act.' })
  agency: Agency;

  @Field(() => [String], { description: 'The chain of reasons, in the request language (Accept-Language).' })
  reasons: string[];
}

let roadOwners: Record<RoadStatus, RoadOwner> | null = null;
function loadRoadOwners(): Record<RoadStatus, RoadOwner> {
  roadOwners ??= JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'duties.json'), 'utf8')).roadOwners;
  return roadOwners!;
}

@Resolver()
export class JurisdictionResolver {
  @Query(() => Jurisdiction, { description: 'Resolves (topic, region, road) to the one agency that must act.' })
  async resolveJurisdiction(
    @Arg('input', () => JurisdictionInput, { description: 'Topic, region and optional road of the complaint.' }) input: JurisdictionInput,
    @Ctx() ctx: AgenciesContext,
  ): Promise<Jurisdiction> {
    const topic = await ctx.ds.getRepository(Topic).findOneBy({ code: input.topic });
    if (!topic) throw badInput(`Unknown topic "${input.topic}". See the topics query.`, `Topik "${input.topic}" tidak dikenal.`, { field: 'topic' });
    if (!isRegionCode(input.regionCode)) throw badInput('Invalid region code.', 'Kode wilayah tidak sah.', { field: 'regionCode' });
    const codes = lineage(input.regionCode);
    const regions = await ctx.loaders.region.loadMany(codes);
    if (regions.some((r) => !r || r instanceof Error)) {
      throw badInput(`Unknown region "${input.regionCode}".`, `Wilayah "${input.regionCode}" tidak dikenal.`, { field: 'regionCode' });
    }
    let road = null;
    if (input.roadId) {
      const r = await ctx.ds.getRepository(Road).findOneBy({ id: input.roadId });
      if (!r) throw badInput(`Unknown road "${input.roadId}".`, `Jalan "${input.roadId}" tidak dikenal.`, { field: 'roadId' });
      const crossings = await ctx.ds.getRepository(RoadRegion).findBy({ roadId: r.id });
      road = { id: r.id, name: r.name, status: r.status, regionCodes: crossings.map((c) => c.regionCode) };
    }
    const duties = await ctx.ds.getRepository(Duty).findBy({ topicCode: topic.code });
    const kinds = [...new Set([...duties.map((d) => d.kind), ...Object.values(loadRoadOwners()).map((o) => o.kind)])];
    const agencies = await ctx.ds.getRepository(Agency).find({
      where: [
        { kind: In(kinds), regionCode: In([...codes, ...(road?.regionCodes ?? [])]), active: true },
        { kind: In(kinds), regionCode: IsNull(), active: true },
      ],
    });
    try {
      const result = resolveJurisdiction(
        {
          topic,
          lineage: regions as Array<{ code: string; name: string; level: any }>,
          duties,
          agencies,
          road,
          roadOwners: loadRoadOwners(),
        },
        ctx.locale,
      );
      return { agency: agencies.find((a) => a.id === result.agency.id)!, reasons: result.reasons };
    } catch (err) {
      if (err instanceof JurisdictionError) {
        if (err.code === 'NOT_FOUND') throw notFound(err.message, err.messageId);
        throw new AppError('BAD_USER_INPUT', err.message, err.messageId);
      }
      throw err;
    }
  }
}
