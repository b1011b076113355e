import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A login. The cookie holds a random token; only its SHA-256 is stored, so a database leak logs nobody in. */
@Entity({ name: 'sessions' })
export class Session {
  @PrimaryColumn({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  /** What the person's session list shows and ends sessions by; never the token or its hash. */
  @Column({ type: 'uuid', insert: false, update: false })
  id!: string;

  /** Moved forward at most every few minutes, so a busy session does not write on every request. */
  @Column({ name: 'last_used_at', type: 'timestamptz', insert: false })
  lastUsedAt!: Date;

  @Column({ name: 'user_agent', type: 'varchar', length: 300, nullable: true })
  userAgent!: string | null;

  /** Shortened (IPv4 /24, IPv6 /48) before it is stored. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  address!: string | null;
}
