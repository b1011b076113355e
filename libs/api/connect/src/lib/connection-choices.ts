import type { CredentialsCipher } from '@kadens/api/publishing';
import type { ConnectionChoice, Platform } from '@kadens/shared/contracts';
import { GoneException, NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import type { Candidate, GrantedConnection } from './connect-flow';
import { STATE_TTL_MS, type StartedSignIn } from './oauth-states';

/** What the person picked, ready to verify and store. */
export interface ChosenCandidate {
  platform: Platform;
  userId: string;
  name: string;
  connection: GrantedConnection;
  expiresAt: Date | null;
}

interface ChoiceRow {
  platform: Platform;
  user_id: string;
  choices: ConnectionChoice[];
  sealed: Buffer;
  session_token_hash: string;
  expired: boolean;
  used_at: Date | null;
}

/**
 * A finished sign-in waiting for the person to pick the account (`connection_choices`): the names for
 * the picker in plain, every candidate's tokens sealed with the connection credentials' cipher, bound
 * to the channel. Bound to the session, organisation and channel like the state; 10 minutes; used once
 * (one conditional UPDATE, so two picks racing cannot both store).
 */
export class ConnectionChoices {
  constructor(
    private readonly db: DataSource,
    private readonly cipher: CredentialsCipher,
  ) {}

  async create(sessionTokenHash: string, signIn: StartedSignIn, candidates: Candidate[]): Promise<string> {
    const owner = { organizationId: signIn.organizationId, channelId: signIn.channelId };
    const choices: ConnectionChoice[] = candidates.map((candidate) => ({
      id: candidate.id,
      name: candidate.name,
      kind: candidate.kind,
      ...(candidate.pictureUrl === null ? {} : { pictureUrl: candidate.pictureUrl }),
    }));
    const secrets = Object.fromEntries(
      candidates.map((candidate) => [
        candidate.id,
        JSON.stringify({ connection: candidate.connection, expiresAt: candidate.expiresAt?.toISOString() ?? null }),
      ]),
    );
    await this.db.query(`DELETE FROM connection_choices WHERE expires_at < now() - interval '1 day'`);
    const [created]: Array<{ id: string }> = await this.db.query(
      `INSERT INTO connection_choices (session_token_hash, user_id, organization_id, channel_id, platform, choices, sealed, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, now() + make_interval(secs => $8)) RETURNING id`,
      [
        sessionTokenHash,
        signIn.userId,
        signIn.organizationId,
        signIn.channelId,
        signIn.platform,
        JSON.stringify(choices),
        this.cipher.seal(owner, secrets),
        STATE_TTL_MS / 1000,
      ],
    );
    if (created === undefined) throw new Error('The sign-in was not stored');
    return created.id;
  }

  /** The accounts to pick from; 404 unless it is this session's sign-in for this channel, 410 when used or expired. */
  async view(
    organizationId: string,
    channelId: string,
    signInId: string,
    sessionTokenHash: string,
  ): Promise<{ platform: Platform; choices: ConnectionChoice[] }> {
    const row = await this.usable(organizationId, channelId, signInId, sessionTokenHash);
    return { platform: row.platform, choices: row.choices };
  }

  /**
   * Uses the sign-in up and opens the picked candidate. An id that is not among the choices is a 404
   * and uses nothing.
   */
  async take(
    organizationId: string,
    channelId: string,
    signInId: string,
    sessionTokenHash: string,
    choiceId: string,
  ): Promise<ChosenCandidate> {
    const row = await this.usable(organizationId, channelId, signInId, sessionTokenHash);
    const choice = row.choices.find((candidate) => candidate.id === choiceId);
    if (choice === undefined) {
      throw new NotFoundException({ message: 'choiceId: not one of the accounts of this sign-in', code: 'connection_choice_unknown' });
    }
    const [taken]: [Array<{ sealed: Buffer }>, number] = await this.db.query(
      `UPDATE connection_choices SET used_at = now() WHERE id = $1 AND used_at IS NULL AND expires_at > now() RETURNING sealed`,
      [signInId],
    );
    if (taken[0] === undefined) throw gone('connection_choice_used', 'This sign-in was already used; sign in again');
    const secrets = this.cipher.open({ organizationId, channelId }, taken[0].sealed);
    const picked = JSON.parse(secrets[choiceId] ?? 'null') as { connection: GrantedConnection; expiresAt: string | null } | null;
    if (picked === null)
      throw new NotFoundException({ message: 'choiceId: not one of the accounts of this sign-in', code: 'connection_choice_unknown' });
    return {
      platform: row.platform,
      userId: row.user_id,
      name: choice.name,
      connection: picked.connection,
      expiresAt: picked.expiresAt === null ? null : new Date(picked.expiresAt),
    };
  }

  private async usable(organizationId: string, channelId: string, signInId: string, sessionTokenHash: string): Promise<ChoiceRow> {
    const [row]: ChoiceRow[] = await this.db.query(
      `SELECT platform, user_id, choices, sealed, session_token_hash, used_at, expires_at <= now() AS expired
         FROM connection_choices WHERE id = $1 AND organization_id = $2 AND channel_id = $3`,
      [signInId, organizationId, channelId],
    );
    if (row === undefined || row.session_token_hash !== sessionTokenHash) {
      throw new NotFoundException({ message: 'No such sign-in for this channel in this session', code: 'connection_choice_not_found' });
    }
    if (row.used_at !== null) throw gone('connection_choice_used', 'This sign-in was already used; sign in again');
    if (row.expired) throw gone('connection_choice_expired', 'This sign-in is older than 10 minutes; sign in again');
    return row;
  }
}

function gone(code: string, message: string): GoneException {
  return new GoneException({ message, code });
}
