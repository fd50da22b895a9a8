import { Arg, Ctx, Field, ID, InputType, ObjectType, Query, Resolver } from 'type-graphql';
import { IsOptional, Length, Matches } from 'class-validator';
import { REGION_CODE_PATTERN } from '@pantau/contract';
import { Agency } from '../entities/agency.entity';
import type { AgenciesContext } from '../context';

@InputType({ description: 'What a complaint is about and where, to find the agency that must act.' })
export class JurisdictionInput {
  @Field(() => String, { description: 'Topic code, see `topics`.' })
  @Length(1, 40)
  topic: string;

  @Field(() => String, { description: 'Kemendagri code of where the problem is.' })
  @Matches(REGION_CODE_PATTERN)
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

@Resolver()
export class JurisdictionResolver {
  @Query(() => Jurisdiction, { description: 'Resolves (topic, region, road) to the one agency that must act.' })
  resolveJurisdiction(
    @Arg('input', () => JurisdictionInput, { description: 'Topic, region and optional road of the complaint.' }) input: JurisdictionInput,
    @Ctx() ctx: AgenciesContext,
  ): Promise<Jurisdiction> {
    return ctx.jurisdiction.resolve(input, ctx.locale);
  }
}
