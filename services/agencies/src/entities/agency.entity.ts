import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum AgencyLevel {
  NATIONAL = 'NATIONAL',
  PROVINCE = 'PROVINCE',
  REGENCY = 'REGENCY',
  DISTRICT = 'DISTRICT',
  VILLAGE = 'VILLAGE',
}
registerEnumType(AgencyLevel, {
  name: 'AgencyLevel',
  description: 'Government level an agency belongs to.',
  valuesConfig: {
    NATIONAL: { description: 'Central government (a ministry or national body, or its regional office).' },
    PROVINCE: { description: 'Provincial government (pemerintah provinsi).' },
    REGENCY: { description: 'Regency or city government (kabupaten/kota), e.g. an OPD of Kutai Kartanegara.' },
    DISTRICT: { description: 'District office (kecamatan).' },
    VILLAGE: { description: 'Village government (desa/kelurahan).' },
  },
});

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A government agency or public-service institution (instansi/OPD).' })
@Entity('agencies')
@Index('idx_agencies_lookup', ['level', 'kind', 'regionCode'])
@Index('idx_agencies_parent', ['parentId'])
@Index('idx_agencies_region', ['regionCode'])
export class Agency {
  @Field(() => ID, { description: 'Stable registry key.' })
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Field(() => String, { description: 'Official abbreviation (singkatan), e.g. DPUPR.' })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Field(() => String, { description: 'Indonesian name.' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => String, { nullable: true, description: 'English name.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  nameEn: string | null;

  @Field(() => AgencyLevel, { description: 'Government level the agency belongs to.' })
  @Column({ type: 'varchar', length: 10 })
  level: AgencyLevel;

  @Field(() => String, { description: 'What the agency does, e.g. PUBLIC_WORKS, HEALTH, DISTRICT_OFFICE.' })
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 13, nullable: true })
  regionCode: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  parentId: string | null;

  @Field(() => Boolean, { description: 'False when the agency no longer takes reports (kept for history).' })
  @Column({ type: 'boolean', default: true })
  active: boolean;
}
