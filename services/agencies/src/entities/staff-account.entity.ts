import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { Role } from '@pantau/common';

registerEnumType(Role, {
  name: 'Role',
  description: 'Staff role.',
  valuesConfig: {
    ADMIN: { description: 'Admin instansi (in Kukar, Diskominfo): verifies, classifies and routes reports; manages staff and API keys.' },
    LIAISON: { description: "Narahubung (an agency's secretary): answers and forwards the reports routed to that agency." },
    OMBUDSMAN: { description: 'Reads everything and classifies maladministration.' },
    LEADERSHIP: { description: 'Pimpinan: reads dashboards and reports, never reporter identities.' },
  },
});

@ObjectType({ description: 'A staff account (admin, liaison, ombudsman, leadership).' })
@Entity('staff_accounts')
@Index('idx_staff_agency', ['agencyId'])
export class StaffAccount {
  @Field(() => ID, { description: 'Stable account identifier.' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field(() => String, { description: 'Sign-in email (unique).' })
  @Index('uq_staff_email', { unique: true })
  @Column({ type: 'varchar', length: 190 })
  email: string;

  @Field(() => String, { description: 'Display name.' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  @Field(() => Role, { description: 'What the account may see and do.' })
  @Column({ type: 'varchar', length: 12 })
  role: Role;

  @Column({ type: 'varchar', length: 64 })
  agencyId: string;

  @Field(() => Boolean, { description: 'False when deactivated: the account cannot sign in and its tokens stop working.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Bumped on deactivation, reactivation and role change: tokens carrying an older version stop working. */
  @Column({ type: 'int', default: 0 })
  tokenVersion: number;

  @Field(() => Date, { description: 'When the account was created.' })
  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
