import { ErrorHandler } from '@angular/core';

import { AppErrorHandler, isBenignBrowserNotice } from './app-error-handler';

describe('AppErrorHandler', () => {
  const notice = 'ResizeObserver loop completed with undelivered notifications.';

  it('drops the ResizeObserver loop notice, as Angular hands it over in production and in dev mode', () => {
    expect(isBenignBrowserNotice(new Error(notice))).toBe(true);
    const event = new ErrorEvent('error', { message: notice });
    expect(
      isBenignBrowserNotice(new Error(`An ErrorEvent with no error occurred. See Error.cause for details: ${notice}`, { cause: event })),
    ).toBe(true);
  });

  it('reports every other error, even one that mentions ResizeObserver', () => {
    expect(isBenignBrowserNotice(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isBenignBrowserNotice(new TypeError(`my ResizeObserver callback failed: ${notice}`))).toBe(false);
    expect(isBenignBrowserNotice(notice)).toBe(false);
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      new AppErrorHandler().handleError(new Error(notice));
      expect(logged).not.toHaveBeenCalled();
      new AppErrorHandler().handleError(new Error('a real problem'));
      expect(logged).toHaveBeenCalledTimes(1);
    } finally {
      logged.mockRestore();
    }
    expect(new AppErrorHandler()).toBeInstanceOf(ErrorHandler);
  });
});
