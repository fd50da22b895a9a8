import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, Length, Matches } from 'class-validator';
import { REGION_CODE_PATTERN } from '@pantau/contract';
import { AgencyLevel } from '../entities/agency.entity';

@InputType({ description: 'Filters for the agency registry.' })
export class AgencyFilter {
  @Field(() => AgencyLevel, { nullable: true, description: 'Only agencies at this government level.' })
  level?: AgencyLevel;

  @Field(() => String, { nullable: true, description: 'Agency kind, e.g. PUBLIC_WORKS.' })
  @IsOptional()
  @Length(1, 40)
  kind?: string;

  @Field(() => String, { nullable: true, description: 'Agencies serving this region or any region inside it.' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN)
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: 'Direct children of this agency.' })
  parentId?: string;

  @Field(() => String, { nullable: true, description: 'Words in the name or abbreviation.' })
  @IsOptional()
  @Length(1, 100)
  search?: string;

  @Field(() => Boolean, { nullable: true, description: 'Defaults to active agencies only.' })
  active?: boolean;
}
