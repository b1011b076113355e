import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoService } from '@jsverse/transloco';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ChecklistItemUpdate, ChecklistItemView, OrganizationId } from '@kadens/shared/contracts';
import { ActiveOrganization, ApprovalSettingsApi, describeApiError } from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';

import { checklistItemText } from '../shared/checklist-text';
import { isTranslatedText } from '../shared/translated-text';
import { reorderedPositions } from './checklist-order';

/**
 * The review checklist, as admins shape it: add items, reword them, make them optional or required,
 * put them in order, archive the ones no longer wanted (archived items stay on old reviews).
 */
@Component({
  selector: 'kd-checklist-editor',
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSlideToggleModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './checklist-editor.component.html',
  styleUrl: './checklist-editor.component.scss',
})
export class ChecklistEditorComponent {
  private readonly api = inject(ApprovalSettingsApi);
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly notifier = inject(ProblemNotifier);
  private readonly transloco = inject(TranslocoService);

  protected readonly canEdit = computed(() => this.activeOrganization.can('organization.update'));
  protected readonly items = signal<ChecklistItemView[]>([]);
  protected readonly active = computed(() => this.items().filter((item) => !item.archived));
  protected readonly archived = computed(() => this.items().filter((item) => item.archived));
  /** Wordings being edited, by item id. */
  protected readonly drafts = signal<Readonly<Record<string, string>>>({});
  protected readonly newText = signal('');
  protected readonly newRequired = signal(true);
  protected readonly busy = signal(false);

  constructor() {
    effect(() => {
      const organizationId = this.activeOrganization.organizationId();
      untracked(() => {
        if (organizationId) void this.load(organizationId);
      });
    });
  }

  /** The words shown for an item: the reader's language for untouched seeded items. */
  protected wording(item: ChecklistItemView): string {
    const text = checklistItemText(item);
    return isTranslatedText(text) ? this.transloco.translate(text.key) : text;
  }

  protected draftOf(item: ChecklistItemView): string {
    return this.drafts()[item.id] ?? this.wording(item);
  }

  protected edit(item: ChecklistItemView, text: string): void {
    this.drafts.update((drafts) => ({ ...drafts, [item.id]: text }));
  }

  protected isReworded(item: ChecklistItemView): boolean {
    const draft = this.drafts()[item.id];
    return draft !== undefined && draft.trim() !== '' && draft.trim() !== this.wording(item);
  }

  protected async reword(item: ChecklistItemView): Promise<void> {
    if (!this.isReworded(item)) return;
    const text = (this.drafts()[item.id] ?? '').trim();
    if (await this.change(item, { text })) {
      this.drafts.update(({ [item.id]: _done, ...rest }) => rest);
    }
  }

  protected async setRequired(item: ChecklistItemView, required: boolean): Promise<void> {
    await this.change(item, { required });
  }

  protected async setArchived(item: ChecklistItemView, archived: boolean): Promise<void> {
    await this.change(item, { archived });
  }

  protected async move(item: ChecklistItemView, offset: -1 | 1): Promise<void> {
    const organizationId = this.activeOrganization.organizationId();
    if (!organizationId || this.busy()) return;
    const changes = reorderedPositions(this.active(), item.id, offset);
    if (changes.length === 0) return;
    await this.run(async () => {
      for (const { id, position } of changes) await this.api.updateChecklistItem(organizationId, id, { position });
      await this.load(organizationId);
    });
  }

  protected async add(): Promise<void> {
    const organizationId = this.activeOrganization.organizationId();
    const text = this.newText().trim();
    if (!organizationId || !text) return;
    const position = Math.max(0, ...this.items().map((item) => item.position)) + 1;
    const added = await this.run(() => this.api.addChecklistItem(organizationId, { text, required: this.newRequired(), position }));
    if (added) {
      this.items.update((items) => [...items, added]);
      this.newText.set('');
      this.newRequired.set(true);
      this.notifier.announce('approvals.settings.itemAdded');
    }
  }

  private async change(item: ChecklistItemView, changes: ChecklistItemUpdate): Promise<boolean> {
    const organizationId = this.activeOrganization.organizationId();
    if (!organizationId) return false;
    const updated = await this.run(() => this.api.updateChecklistItem(organizationId, item.id, changes));
    if (updated) this.items.update((items) => items.map((candidate) => (candidate.id === updated.id ? updated : candidate)));
    return updated !== null;
  }

  private async run<T>(work: () => Promise<T>): Promise<T | null> {
    if (this.busy()) return null;
    this.busy.set(true);
    try {
      return await work();
    } catch (error) {
      this.notifier.report(describeApiError(error));
      return null;
    } finally {
      this.busy.set(false);
    }
  }

  private async load(organizationId: OrganizationId): Promise<void> {
    try {
      const items = await this.api.checklist(organizationId, this.canEdit());
      if (this.activeOrganization.organizationId() === organizationId) this.items.set(items);
    } catch (error) {
      this.notifier.report(describeApiError(error));
    }
  }
}
