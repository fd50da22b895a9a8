import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A client application allowed to submit through the Open311 GeoReport v2 endpoint (issue 14). Only the
 * SHA-256 of its API key is stored: the key itself is shown once, when an admin issues it.
 */
@ObjectType({ description: 'A client application with an Open311 API key (ADMIN).' })
@Entity('api_clients')
export class ApiClient {
  @Field(() => ID, { description: 'Stable identifier of the client application.' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Field(() => String, { description: 'Name of the application, e.g. "FixMyStreet Kukar".' })
  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Field(() => String, { nullable: true, description: 'Who runs it (email or URL).' })
  @Column({ type: 'varchar', length: 254, nullable: true })
  contact: string | null;

  /** Hex SHA-256 of the key (the key carries 256 random bits, so a fast hash is enough). */
  @Index('uq_api_clients_key_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  keyHash: string;

  @Field(() => String, { description: 'First characters of the key, to tell keys apart (never the whole key).' })
  @Column({ type: 'varchar', length: 16 })
  keyPrefix: string;

  @Field(() => Date, { description: 'When the key was issued.' })
  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt: Date;

  /** Staff account that issued it. */
  @Column({ type: 'varchar', length: 36 })
  createdBy: string;

  @Field(() => Date, { nullable: true, description: 'Set when revoked; the key stops working at once.' })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
