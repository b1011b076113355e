import { AuditService } from '@kadens/api/audit';
import { OrganizationItemParams, Trim } from '@kadens/api/core';
import { NotificationsService } from '@kadens/api/notifications';
import { CurrentMember, type CurrentMemberValue, RequirePermission } from '@kadens/api/organizations';
import { PostsService } from '@kadens/api/posts';
import type { CommentView } from '@kadens/shared/contracts';
import { Body, Controller, Get, Injectable, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsString, Length } from 'class-validator';
import type { DataSource } from 'typeorm';

export class CreateCommentDto {
  @Trim()
  @IsString()
  @Length(1, 4000)
  body!: string;
}

/** The conversation on a post between its editors and approvers. */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly posts: PostsService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  async list(organizationId: string, postId: string): Promise<CommentView[]> {
    await this.posts.get(organizationId, postId);
    const rows: Array<{ id: string; author_id: string; author_name: string; body: string; created_at: Date }> = await this.db.query(
      `SELECT c.id, c.author_id, u.name AS author_name, c.body, c.created_at FROM post_comments c JOIN users u ON u.id = c.author_id
        WHERE c.organization_id = $1 AND c.post_id = $2 ORDER BY c.created_at`,
      [organizationId, postId],
    );
    return rows.map((r) => ({
      id: r.id,
      authorId: r.author_id,
      authorName: r.author_name,
      body: r.body,
      createdAt: r.created_at.toISOString(),
    }));
  }

  add(organizationId: string, postId: string, member: CurrentMemberValue, body: string): Promise<CommentView> {
    return this.db.transaction(async (tx) => {
      const post = await this.posts.get(organizationId, postId, tx);
      const [row]: Array<{ id: string; created_at: Date }> = await tx.query(
        `INSERT INTO post_comments (organization_id, post_id, author_id, body) VALUES ($1, $2, $3, $4) RETURNING id, created_at`,
        [organizationId, postId, member.user.id, body],
      );
      // Everyone who has taken part hears of it: the author and earlier commenters and reviewers.
      const people: Array<{ id: string }> = await tx.query(
        `SELECT author_id AS id FROM post_comments WHERE post_id = $1 UNION SELECT reviewer_id FROM post_reviews WHERE post_id = $1`,
        [postId],
      );
      await this.notifications.notify(tx, {
        organizationId,
        kind: 'commented',
        postId,
        actorId: member.user.id,
        recipientIds: [post.authorId, ...people.map((p) => p.id)],
        params: { title: post.title },
      });
      await this.audit.record(tx, {
        organizationId,
        actorId: member.user.id,
        action: 'post.commented',
        subjectType: 'post',
        subjectId: postId,
        after: { body },
      });
      return {
        id: row?.id as string,
        authorId: member.user.id,
        authorName: member.user.name,
        body,
        createdAt: (row?.created_at as Date).toISOString(),
      };
    });
  }
}

@ApiTags('approvals')
@Controller('organizations/:organizationId/posts/:id/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get()
  @RequirePermission('posts.read')
  list(@Param() params: OrganizationItemParams): Promise<CommentView[]> {
    return this.comments.list(params.organizationId, params.id);
  }

  /** Editors and approvers talk about the post here; participants are notified. */
  @Post()
  @RequirePermission('posts.edit')
  add(
    @CurrentMember() member: CurrentMemberValue,
    @Param() params: OrganizationItemParams,
    @Body() body: CreateCommentDto,
  ): Promise<CommentView> {
    return this.comments.add(params.organizationId, params.id, member, body.body);
  }
}
