import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import type { PostView, RuleOverrideInput, Violation } from '@kadens/shared/contracts';
import { DELIVERY_STARTED_STATES, visiblePostState } from '@kadens/shared/rules';
import {
  ActiveOrganization,
  ApprovalsApi,
  blockingViolations,
  describeApiError,
  type ComposerRequest,
  type ComposerResult,
  OrganizationsApi,
  PLANNING_SCOPE,
  POST_DELIVERY_PANEL,
  PostsApi,
  PublishingStream,
} from '@kadens/web/data-access';
import {
  Confirmation,
  FieldErrorComponent,
  PlatformBadgeComponent,
  ViolationListComponent,
  VisibleStateChipComponent,
} from '@kadens/web/ui';
import { instantToWallClock } from '@kadens/web/util';
import { map, merge } from 'rxjs';

import { type ChannelTarget, ChannelVariantComponent } from '../channel-variant/channel-variant.component';
import { measureVariant } from '../channel-variant/variant-measure';
import {
  buildComposerForm,
  formValueFromPost,
  mediaUrlList,
  postInputFromForm,
  syncVariantControls,
  targetChannelIds,
} from '../composer-form/composer-form';
import { applyPostFieldErrors } from '../composer-form/post-field-errors';
import { ChannelMediaRulesComponent } from '../media/channel-media-rules.component';
import { ComposerMedia } from '../media/composer-media';
import { ComposerMediaComponent } from '../media/composer-media.component';
import { NextFreeSlotComponent } from '../next-free-slot/next-free-slot.component';
import { PlanCheckComponent } from '../planning-problems/plan-check.component';
import { PlannedTimeFieldComponent } from '../planned-time/planned-time-field.component';
import { PlanningProblems } from '../planning-problems/planning-problems.service';
import { LinkPreviewCardComponent } from '../link-preview/link-preview-card.component';
import { ReadabilityNoteComponent } from '../readability/readability-note.component';
import { RuleOverrideNoteComponent } from '../rule-override/rule-override-note.component';
import { RuleOverrides } from '../rule-override/rule-overrides.service';
import { guardDialogClose } from '../unsaved-changes/dialog-close-guard';
import { focusFirstTabbableOnRender } from './focus-on-render';

export type { ComposerRequest, ComposerResult } from '@kadens/web/data-access';

/** A post in these states can be sent to review. */
const SUBMITTABLE_STATES: ReadonlyArray<PostView['state']> = ['draft', 'changes_requested'];

/** Lists what may be picked: live items, plus whatever the post already has even if archived since. */
function pickable<T extends { id: string; archived: boolean }>(items: readonly T[], chosen: string | readonly string[]): T[] {
  const kept = new Set(typeof chosen === 'string' ? [chosen] : chosen);
  return items.filter((item) => !item.archived || kept.has(item.id));
}

/**
 * Writes or edits a post: its content, what it belongs to, when it goes out (in the organisation's
 * zone) and the channels it goes to, each with a live count by its platform's own rules.
 */
@Component({
  selector: 'kd-composer-dialog',
  imports: [
    NgComponentOutlet,
    ReactiveFormsModule,
    MatButtonModule,
    MatChipsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    TranslocoPipe,
    FieldErrorComponent,
    ChannelVariantComponent,
    ChannelMediaRulesComponent,
    ComposerMediaComponent,
    NextFreeSlotComponent,
    PlanCheckComponent,
    PlannedTimeFieldComponent,
    PlatformBadgeComponent,
    ReadabilityNoteComponent,
    LinkPreviewCardComponent,
    VisibleStateChipComponent,
    RuleOverrideNoteComponent,
    ViolationListComponent,
  ],
  providers: [provideTranslocoScope(PLANNING_SCOPE), ComposerMedia],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './composer-dialog.component.html',
  styleUrl: './composer-dialog.component.scss',
})
export class ComposerDialogComponent {
  private readonly request = inject<ComposerRequest>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ComposerDialogComponent, ComposerResult>>(MatDialogRef);
  private readonly posts = inject(PostsApi);
  private readonly approvals = inject(ApprovalsApi);
  private readonly organizations = inject(OrganizationsApi);
  private readonly problems = inject(PlanningProblems);
  private readonly confirmation = inject(Confirmation);
  private readonly overrides = inject(RuleOverrides);
  private readonly activeOrganization = inject(ActiveOrganization);
  /** Where focus was in the composer, to go back to after "keep editing". */

  protected readonly deliveryPanel = inject(POST_DELIVERY_PANEL);
  protected readonly catalog = this.request.catalog;
  protected readonly timeZone = this.catalog.timeZone;
  protected readonly form = buildComposerForm(inject(NonNullableFormBuilder));
  /** The post's pictures and video (uploads, order, alt texts); the media section shows them. */
  protected readonly media = inject(ComposerMedia);
  private readonly mediaSection = viewChild(ComposerMediaComponent);
  protected readonly post = signal<PostView | null>(null);
  /** Once a channel has started publishing the post is history: the API refuses edits, moves and deletion. */
  protected readonly delivered = computed(
    () => this.post()?.targets.some((target) => DELIVERY_STARTED_STATES.includes(target.state)) ?? false,
  );
  protected readonly canEdit = computed(() => this.activeOrganization.can('posts.edit') && !this.delivered());
  protected readonly visibleState = computed(() => {
    const post = this.post();
    return post
      ? visiblePostState(
          post.state,
          post.targets.map((target) => target.state),
        )
      : null;
  });
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly triedSaving = signal(false);
  protected readonly canOverride = computed(() => this.activeOrganization.can('rules.override'));
  protected readonly canSubmit = computed(() => {
    const post = this.post();
    return this.canEdit() && (!post || SUBMITTABLE_STATES.includes(post.state));
  });
  /** The blocking rules the last save broke; cleared when the time, channels or dialogue change. */
  protected readonly violations = signal<Violation[]>([]);
  /** Who overrode the post's rules, once the members are loaded. */
  protected readonly overriderName = signal<string | null>(null);

  private readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });

  protected readonly themes = computed(() => pickable(this.catalog.themes, this.value().themeId));
  protected readonly audiences = computed(() => pickable(this.catalog.audiences, this.value().audienceIds));
  protected readonly contentTypes = computed(() => pickable(this.catalog.contentTypes, this.value().contentTypeId));
  protected readonly initiatives = computed(() =>
    this.catalog.initiatives.filter((initiative) => initiative.status !== 'dropped' || initiative.id === this.value().initiativeId),
  );

  protected readonly targets = computed<ChannelTarget[]>(() => {
    const value = this.value();
    const link = value.link.trim();
    // Library media count as attachments for the text rules too (Instagram's "media required").
    const mediaUrls = [...mediaUrlList(value.mediaUrls), ...value.mediaIds];
    return targetChannelIds(value.channelIds, this.catalog.channels).flatMap((channelId) => {
      const channel = this.catalog.channels.find((candidate) => candidate.id === channelId);
      const control = this.form.controls.variants.controls[channelId];
      if (!channel || !control) return [];
      const text = value.variants[channelId] ?? value.body;
      const measure = measureVariant(channel.platform, { text, link: link || null, mediaUrls });
      return [{ channel, control, measure, body: value.body, link, mediaCount: mediaUrls.length }];
    });
  });
  protected readonly blocked = computed(
    () => this.targets().some((target) => target.measure.blocked) || this.media.blocks(this.targets().map((t) => t.channel.platform)),
  );

  private readonly closeGuard = guardDialogClose({
    dialogRef: this.dialogRef,
    hasUnsavedChanges: () => this.hasUnsavedChanges(),
    forgetChanges: () => this.form.markAsPristine(),
  });

  constructor() {
    focusFirstTabbableOnRender();
    this.form.controls.channelIds.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((channelIds) => syncVariantControls(this.form.controls.variants, channelIds));
    const { plannedAt, channelIds, invitesDialogue } = this.form.controls;
    merge(plannedAt.valueChanges, channelIds.valueChanges, invitesDialogue.valueChanges)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.violations.set([]));
    this.followDelivery();
    this.media.init(this.catalog.organizationId, this.form.controls.mediaIds);
    if (!this.canEdit()) this.form.disable();
    if (this.request.postId) void this.load(this.request.postId);
    else this.startNewPost();
  }

  /** Something was typed or chosen that is not saved yet. */
  hasUnsavedChanges(): boolean {
    return this.canEdit() && this.form.dirty && !this.saving();
  }

  /** The close button; Escape, the backdrop and leaving the page are guarded the same way. */
  protected close(): Promise<void> {
    return this.closeGuard.close();
  }

  /** The header's state follows the live delivery stream; a post that starts publishing turns read-only. */
  private followDelivery(): void {
    inject(PublishingStream)
      .targetChanges$.pipe(takeUntilDestroyed())
      .subscribe((change) => {
        const post = this.post();
        if (post?.id !== change.postId) return;
        const targets = post.targets.map((target) => (target.id === change.targetId ? { ...target, state: change.state } : target));
        this.post.set({ ...post, targets });
        if (this.delivered()) this.form.disable();
      });
  }

  /** A content type that invites dialogue (a question, a poll) sets the flag, unless the user did. */
  protected contentTypeChosen(contentTypeId: string): void {
    const invitesDialogue = this.form.controls.invitesDialogue;
    if (invitesDialogue.dirty) return;
    const type = this.catalog.contentTypes.find((candidate) => candidate.id === contentTypeId);
    invitesDialogue.setValue(type?.invitesDialogue ?? false);
  }

  protected async save(): Promise<void> {
    const post = await this.persist();
    if (post) this.dialogRef.close({ kind: 'saved', post });
  }

  /** An approver or admin saves despite the broken rules, with a reason stored on the post. */
  protected async overrideAndSave(): Promise<void> {
    const violations = this.violations();
    if (violations.length === 0 || !this.canOverride()) return;
    const reason = await this.overrides.askReason({ violations, context: this.catalog });
    if (!reason) return;
    const post = await this.persist({ reason });
    if (post) this.dialogRef.close({ kind: 'saved', post });
  }

  /** Saves what changed, then sends the post to review. */
  protected async submitForApproval(): Promise<void> {
    if (this.media.refuseSubmit()) {
      this.mediaSection()?.focusFirstMissingAltText();
      return;
    }
    const current = this.post();
    const saved = current && this.form.pristine ? current : await this.persist();
    if (!saved) return;
    this.saving.set(true);
    try {
      const post = await this.approvals.submit(this.catalog.organizationId, saved.id);
      this.dialogRef.close({ kind: 'submitted', post });
    } catch (error) {
      if (!this.media.showApiProblem(error)) this.problems.report(error, this.catalog);
    } finally {
      this.saving.set(false);
    }
  }

  /**
   * Saves the post; resolves with it, or null when it was not saved and the reason is on screen: broken
   * channel rules in the composer itself, a refused field next to it, anything else in a snackbar.
   */
  private async persist(ruleOverride?: RuleOverrideInput): Promise<PostView | null> {
    if (this.saving() || this.loading() || !this.canEdit()) return null;
    this.triedSaving.set(true);
    if (this.form.invalid || this.blocked()) {
      this.form.markAllAsTouched();
      return null;
    }
    const input = postInputFromForm(this.form.getRawValue(), this.catalog.channels, this.timeZone);
    const body = ruleOverride ? { ...input, ruleOverride } : input;
    const sentChannelIds = input.targets.map((target) => target.channelId);
    const existing = this.post();
    this.saving.set(true);
    try {
      await this.media.saveAltTexts();
      const post = existing
        ? await this.posts.update(this.catalog.organizationId, existing.id, body)
        : await this.posts.create(this.catalog.organizationId, body);
      // Should anything after the save fail (the submit), the composer edits the saved post from now on.
      this.post.set(post);
      this.media.saved(post.media ?? []);
      this.form.markAsPristine();
      this.violations.set([]);
      return post;
    } catch (error) {
      const violations = blockingViolations(error);
      const problem = describeApiError(error);
      const placed = problem.status === 400 && problem.fieldErrors.length > 0;
      if (this.media.showApiProblem(error)) {
        // Shown in the media section, naming the rule, the channel and the medium.
      } else if (violations.length > 0) {
        this.violations.set(violations);
      } else if (!placed || applyPostFieldErrors(this.form, problem.fieldErrors, sentChannelIds).length > 0) {
        this.problems.report(error, this.catalog);
      }
      return null;
    } finally {
      this.saving.set(false);
    }
  }

  protected async deletePost(): Promise<void> {
    const post = this.post();
    if (!post || this.saving()) return;
    const confirmed = await this.confirmation.ask({
      titleKey: 'planning.composer.deleteTitle',
      messageKey: 'planning.composer.deleteMessage',
      confirmKey: 'planning.composer.delete',
      params: { title: post.title },
    });
    if (!confirmed) return;
    this.saving.set(true);
    try {
      await this.posts.remove(this.catalog.organizationId, post.id);
      this.dialogRef.close({ kind: 'deleted', postId: post.id });
    } catch (error) {
      this.problems.report(error, this.catalog);
    } finally {
      this.saving.set(false);
    }
  }

  private startNewPost(): void {
    const liveThemes = this.catalog.themes.filter((theme) => !theme.archived);
    const firstType = this.catalog.contentTypes.find((type) => !type.archived);
    this.form.patchValue({
      contentTypeId: firstType?.id ?? '',
      invitesDialogue: firstType?.invitesDialogue ?? false,
      themeId: liveThemes.length === 1 ? (liveThemes[0]?.id ?? '') : '',
      plannedAt: this.request.plannedAt ? instantToWallClock(this.request.plannedAt, this.timeZone) : '',
    });
  }

  private async load(postId: string): Promise<void> {
    this.loading.set(true);
    try {
      const post = await this.posts.get(this.catalog.organizationId, postId);
      const value = formValueFromPost(post, this.timeZone);
      syncVariantControls(this.form.controls.variants, value.channelIds, value.variants);
      this.form.reset(value);
      this.media.init(this.catalog.organizationId, this.form.controls.mediaIds, post.media ?? []);
      this.post.set(post);
      if (this.delivered()) this.form.disable();
      if (post.ruleOverride) void this.loadOverriderName(post.ruleOverride.byUserId);
    } catch (error) {
      this.problems.report(error, this.catalog);
      this.dialogRef.close();
    } finally {
      this.loading.set(false);
    }
  }

  private async loadOverriderName(userId: string): Promise<void> {
    try {
      const members = await this.organizations.listMembers(this.catalog.organizationId);
      this.overriderName.set(members.find((member) => member.userId === userId)?.name ?? null);
    } catch {
      // The note says "someone" instead; the override itself is shown either way.
    }
  }
}
