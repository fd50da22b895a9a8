import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { RegionLevel } from '@pantau/common';

registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: 'Level of an Indonesian administrative region.',
  valuesConfig: {
    PROVINCE: { description: 'Province (provinsi), a 2-digit code such as 64.' },
    REGENCY: { description: 'Regency or city (kabupaten/kota), a code such as 64.02.' },
    DISTRICT: { description: 'District (kecamatan), a code such as 64.02.18.' },
    VILLAGE: { description: 'Village (desa/kelurahan), a code such as 64.02.18.2001.' },
  },
});

@Directive('@key(fields: "code")')
@ObjectType({ description: 'An Indonesian administrative region (Kemendagri code).' })
@Entity('regions')
@Index('idx_regions_parent', ['parentCode', 'code'])
@Index('idx_regions_name', ['name'])
@Index('idx_regions_level_name', ['level', 'name', 'code'])
export class Region {
  @Field(() => String, { description: 'Kemendagri code, hierarchical by prefix: 64 / 64.02 / 64.02.18 / 64.02.18.2001.' })
  @PrimaryColumn({ type: 'varchar', length: 13 })
  code: string;

  @Field(() => String, { description: 'Official name, e.g. "Muara Wis".' })
  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Field(() => RegionLevel, { description: 'Administrative level, implied by the length of the code.' })
  @Column({ type: 'varchar', length: 10 })
  level: RegionLevel;

  @Column({ type: 'varchar', length: 13, nullable: true })
  parentCode: string | null;
}
