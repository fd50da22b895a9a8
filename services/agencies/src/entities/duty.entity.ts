import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AgencyLevel } from './agency.entity';

@ObjectType({ description: 'Tupoksi: the agency kind that owns a topic at a government level.' })
@Entity('duties')
@Index('idx_duties_topic', ['topicCode'])
export class Duty {
  @Field(() => String, { description: 'Topic code, see `topics`.' })
  @PrimaryColumn({ type: 'varchar', length: 40 })
  topicCode: string;

  @Field(() => AgencyLevel, { description: 'Government level this duty applies at.' })
  @PrimaryColumn({ type: 'varchar', length: 10 })
  level: AgencyLevel;

  @Field(() => String, { description: 'Agency kind that owns the topic at this level, e.g. PUBLIC_WORKS.' })
  @PrimaryColumn({ type: 'varchar', length: 40 })
  kind: string;

  @Field(() => Int, { description: 'Preference among several kinds at one level (0 first).' })
  @Column({ type: 'int', default: 0 })
  priority: number;
}
