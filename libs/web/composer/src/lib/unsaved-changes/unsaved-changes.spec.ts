import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { of } from 'rxjs';

import { UnsavedChanges } from './unsaved-changes';

function withDialogAnswer(answer: boolean | undefined) {
  const open = jest.fn(() => ({ afterClosed: () => of(answer) }));
  TestBed.configureTestingModule({ providers: [{ provide: MatDialog, useValue: { open } }] });
  return { changes: TestBed.inject(UnsavedChanges), open };
}

describe('UnsavedChanges', () => {
  it('lets a navigation through without asking while no open composer holds changes', async () => {
    const { changes, open } = withDialogAnswer(true);
    changes.register({ hasUnsavedChanges: () => false, forgetChanges: jest.fn() });
    await expect(changes.mayLeave()).resolves.toBe(true);
    expect(open).not.toHaveBeenCalled();
  });

  it('holds a navigation when the person keeps editing, or closes the question with Escape', async () => {
    const { changes } = withDialogAnswer(undefined);
    const forgetChanges = jest.fn();
    changes.register({ hasUnsavedChanges: () => true, forgetChanges });
    await expect(changes.mayLeave()).resolves.toBe(false);
    expect(forgetChanges).not.toHaveBeenCalled();
  });

  it('forgets the changes of a composer the person chose to discard, and no longer asks for a closed one', async () => {
    const { changes, open } = withDialogAnswer(true);
    const forgetChanges = jest.fn();
    const unregister = changes.register({ hasUnsavedChanges: () => true, forgetChanges });
    await expect(changes.mayLeave()).resolves.toBe(true);
    expect(forgetChanges).toHaveBeenCalled();
    unregister();
    await expect(changes.mayLeave()).resolves.toBe(true);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('asks once when two reasons to ask come together', async () => {
    const { changes, open } = withDialogAnswer(false);
    const answers = await Promise.all([changes.askToDiscard(), changes.askToDiscard()]);
    expect(answers).toEqual([false, false]);
    expect(open).toHaveBeenCalledTimes(1);
  });
});
