import { bolgebyAvailability, FACEBOOK, NEWSLETTER } from '../../testing/availability-fixture';
import { msUntilStale } from './public-page-state';

describe('msUntilStale', () => {
  const now = Date.parse('2025-03-10T10:00:00Z');
  const withChange = (nextChange: string | null) =>
    bolgebyAvailability([{ ...FACEBOOK, serviceHours: FACEBOOK.serviceHours && { ...FACEBOOK.serviceHours, nextChange } }, NEWSLETTER]);

  it('asks again just after the next opening or closing', () => {
    expect(msUntilStale(withChange('2025-03-10T11:00:00Z'), now, false)).toBe(3_600_000 + 5_000);
  });

  it('does not wait for a change more than half a day away, nor for none', () => {
    expect(msUntilStale(withChange('2025-03-11T08:00:00Z'), now, false)).toBeNull();
    expect(msUntilStale(withChange(null), now, false)).toBeNull();
  });

  it('asks again at once when a cached answer is already past its change, but not again after a fresh one', () => {
    expect(msUntilStale(withChange('2025-03-10T09:59:00Z'), now, false)).toBe(5_000);
    expect(msUntilStale(withChange('2025-03-10T09:59:00Z'), now, true)).toBeNull();
  });
});
