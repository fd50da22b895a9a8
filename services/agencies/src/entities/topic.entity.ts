import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'A service topic (layanan) that complaints are filed under.' })
@Entity('topics')
export class Topic {
  @Field(() => String, { description: 'Stable topic code, e.g. JALAN (roads and bridges); reports and filters use it.' })
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Field(() => String, { description: 'Indonesian label.' })
  @Column({ type: 'varchar', length: 120 })
  labelId: string;

  @Field(() => String, { description: 'English label.' })
  @Column({ type: 'varchar', length: 120 })
  labelEn: string;

  @Field(() => Boolean, { description: 'Whether complaints on this topic may reference a road (asset).' })
  @Column({ type: 'boolean', default: false })
  asset: boolean;
}
