import { effect, inject, Injectable, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';

/**
 * Route titles are translation keys; the document title reads "<page> · Kadens" in the active language
 * and follows a language switch.
 */
@Injectable()
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private readonly pageKey = signal<string | null>(null);
  private readonly activeLanguage = toSignal(this.transloco.langChanges$);
  private readonly loadedLanguages = toSignal(this.transloco.events$);

  constructor() {
    super();
    effect(() => {
      this.activeLanguage();
      this.loadedLanguages();
      const key = this.pageKey();
      const product = this.transloco.translate('app.name');
      this.title.setTitle(key ? `${this.transloco.translate(key)} · ${product}` : product);
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.pageKey.set(this.buildTitle(snapshot) ?? null);
  }
}
