import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AgencyLevel } from './agency.entity';

@ObjectType({ description: 'Tupoksi: the agency kind that owns a topic at a government level.' })
@Entity('duties')
@Index('idx_duties_topic', ['topicCode'])
export class Duty {
  @Field(() => String)
  @PrimaryColumn({ type: 'varchar', length: 40 })
  topicCode: string;

  @Field(() => AgencyLevel)
  @PrimaryColumn({ type: 'varchar', length: 10 })
  level: AgencyLevel;

  @Field(() => String)
  @PrimaryColumn({ type: 'varchar', length: 40 })
  kind: string;

  @Field(() => Int, { description: 'Preference among several kinds at one level (0 first).' })
  @Column({ type: 'int', default: 0 })
  priority: number;
}
