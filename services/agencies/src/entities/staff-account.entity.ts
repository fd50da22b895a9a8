import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { Role } from '@pantau/common';

registerEnumType(Role, { name: 'Role', description: 'Staff role.' });

@ObjectType({ description: 'A staff account (admin, liaison, ombudsman, leadership).' })
@Entity('staff_accounts')
@Index('idx_staff_agency', ['agencyId'])
export class StaffAccount {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field(() => String)
  @Index('uq_staff_email', { unique: true })
  @Column({ type: 'varchar', length: 190 })
  email: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  @Field(() => Role)
  @Column({ type: 'varchar', length: 12 })
  role: Role;

  @Column({ type: 'varchar', length: 64 })
  agencyId: string;

  @Field(() => Boolean)
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Bumped on deactivation, reactivation and role change: tokens carrying an older version stop working. */
  @Column({ type: 'int', default: 0 })
  tokenVersion: number;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
