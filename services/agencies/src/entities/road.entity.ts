import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { RoadStatus } from '@pantau/common';

registerEnumType(RoadStatus, { name: 'RoadStatus', description: 'Road status: which government level owns it.' });

@ObjectType({ description: 'A road segment (asset) and the level of government that owns it.' })
@Entity('roads')
export class Road {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => RoadStatus)
  @Column({ type: 'varchar', length: 10 })
  status: RoadStatus;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'float', nullable: true })
  lengthKm: number | null;

  @Field(() => Boolean, { description: 'Illustrative sample data, not an official register.' })
  @Column({ type: 'boolean', default: false })
  sample: boolean;
}

/** Regions a road passes through. */
@Entity('road_regions')
@Index('idx_road_regions_region', ['regionCode'])
export class RoadRegion {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  roadId: string;

  @PrimaryColumn({ type: 'varchar', length: 13 })
  regionCode: string;
}
