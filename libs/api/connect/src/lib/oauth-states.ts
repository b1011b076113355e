import type { Platform } from '@kadens/shared/contracts';
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** A started sign-in may be finished within this time. */
export const STATE_TTL_MS = 10 * 60_000;

export interface StartedSignIn {
  userId: string;
  organizationId: string;
  channelId: string;
  platform: Platform;
  codeVerifier: string;
  instanceUrl: string | null;
}

/** Why a callback's `state` is not accepted; each is the `connectError` the web shows. */
export type StateProblem = 'state_invalid' | 'state_expired' | 'state_used' | 'session_mismatch';

export type TakenState = { ok: true; signIn: StartedSignIn } | { ok: false; problem: StateProblem; signIn: StartedSignIn | null };

interface StateRow {
  session_token_hash: string;
  user_id: string;
  organization_id: string;
  channel_id: string;
  platform: Platform;
  code_verifier: string;
  instance_url: string | null;
  expires_at: Date;
  used_at: Date | null;
}

/**
 * The `state` of each started sign-in: 32 random bytes given to the platform, kept only as SHA-256,
 * bound to the session, organisation and channel, used at most once (the use is one conditional
 * UPDATE, so two callbacks racing with the same state cannot both win), valid for 10 minutes.
 */
export class OAuthStates {
  constructor(private readonly db: DataSource) {}

  async create(sessionTokenHash: string, signIn: StartedSignIn): Promise<string> {
    const state = randomBytes(32).toString('base64url');
    await this.db.query(
      `INSERT INTO oauth_states (state_hash, session_token_hash, user_id, organization_id, channel_id, platform, code_verifier, instance_url, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() + make_interval(secs => $9))`,
      [
        hashState(state),
        sessionTokenHash,
        signIn.userId,
        signIn.organizationId,
        signIn.channelId,
        signIn.platform,
        signIn.codeVerifier,
        signIn.instanceUrl,
        STATE_TTL_MS / 1000,
      ],
    );
    return state;
  }

  /** Uses the state up when it is this session's, unused and in time; otherwise says why not (and uses nothing). */
  async take(state: string, sessionTokenHash: string | null): Promise<TakenState> {
    const hash = hashState(state);
    // TypeORM answers an UPDATE … RETURNING on PostgreSQL with [rows, affected count].
    const [rows]: [StateRow[], number] = await this.db.query(
      `UPDATE oauth_states SET used_at = now() WHERE state_hash = $1 AND session_token_hash = $2 AND used_at IS NULL AND expires_at > now() RETURNING *`,
      [hash, sessionTokenHash ?? ''],
    );
    const taken = rows[0];
    if (taken) return { ok: true, signIn: signInOf(taken) };
    const [row]: Array<StateRow & { expired: boolean }> = await this.db.query(
      `SELECT *, expires_at <= now() AS expired FROM oauth_states WHERE state_hash = $1`,
      [hash],
    );
    if (!row) return { ok: false, problem: 'state_invalid', signIn: null };
    const problem: StateProblem =
      row.session_token_hash !== sessionTokenHash ? 'session_mismatch' : row.used_at !== null ? 'state_used' : 'state_expired';
    return { ok: false, problem, signIn: signInOf(row) };
  }

  /**
   * The sign-in this session started last (within a day), used or not: where to land a callback whose `state`
   * is missing or unknown, so the person still sees the message on the channel they were connecting.
   */
  async lastStartedBy(sessionTokenHash: string | null): Promise<StartedSignIn | null> {
    if (sessionTokenHash === null) return null;
    const [row]: StateRow[] = await this.db.query(
      `SELECT * FROM oauth_states WHERE session_token_hash = $1 AND expires_at > now() - interval '1 day' ORDER BY expires_at DESC LIMIT 1`,
      [sessionTokenHash],
    );
    return row ? signInOf(row) : null;
  }

  /** Started sign-ins nobody finished; called now and then (each start), so the table stays small. */
  async forgetOld(): Promise<void> {
    await this.db.query(`DELETE FROM oauth_states WHERE expires_at < now() - interval '1 day'`);
  }
}

function hashState(state: string): string {
  return createHash('sha256').update(state, 'utf8').digest('hex');
}

function signInOf(row: StateRow): StartedSignIn {
  return {
    userId: row.user_id,
    organizationId: row.organization_id,
    channelId: row.channel_id,
    platform: row.platform,
    codeVerifier: row.code_verifier,
    instanceUrl: row.instance_url,
  };
}
