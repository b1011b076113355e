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
}
