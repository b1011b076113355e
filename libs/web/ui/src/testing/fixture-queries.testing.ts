import type { TestRequest } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';

/** Lets pending promises (API answers) run through, then change detection. */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

/** Answers a request with the API's error body and `status`. */
export function apiError(request: TestRequest, status: number, body: object): void {
  request.flush({ statusCode: status, error: 'Error', message: 'x', ...body }, { status, statusText: 'Error' });
}

/** Finds, reads, fills and clicks by data-testid inside the fixture, or the whole page (dialogs, menus, with `page`). */
export function queries(fixture: ComponentFixture<unknown>, root: ParentNode = fixture.nativeElement as HTMLElement) {
  const find = <E extends HTMLElement = HTMLElement>(testId: string) => root.querySelector<E>(`[data-testid="${testId}"]`);
  const findAll = (testId: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  const click = async (testId: string, index = 0) => {
    const target = findAll(testId)[index];
    if (!target) throw new Error(`no ${index}th data-testid="${testId}"`);
    target.click();
    await settle(fixture);
  };
  const fill = async (testId: string, value: string) => {
    const input = find<HTMLInputElement | HTMLTextAreaElement>(testId);
    if (!input) throw new Error(`nothing with data-testid="${testId}"`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle(fixture);
  };
  return { find, findAll, text, click, fill };
}
