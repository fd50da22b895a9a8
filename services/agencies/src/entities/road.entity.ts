import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { RoadStatus } from '@pantau/common';

registerEnumType(RoadStatus, {
  name: 'RoadStatus',
  description: 'Road status: which government level owns it.',
  valuesConfig: {
    NASIONAL: { description: 'National road: the Ministry of Public Works, through its regional road agency.' },
    PROVINSI: { description: "Provincial road: the province's public-works agency." },
    KABUPATEN: { description: "Regency road: the regency's public-works agency." },
    KOTA: { description: "City road: the city's public-works agency." },
    DESA: { description: 'Village road: the village government.' },
  },
});

@ObjectType({ description: 'A road segment (asset) and the level of government that owns it.' })
@Entity('roads')
export class Road {
  @Field(() => ID, { description: 'Stable registry key of the road segment.' })
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Field(() => String, { description: 'Name of the road segment.' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => RoadStatus, { description: 'Which government level owns the road, and so must act on complaints about it.' })
  @Column({ type: 'varchar', length: 10 })
  status: RoadStatus;

  @Field(() => Float, { nullable: true, description: 'Length in kilometres, when known.' })
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
