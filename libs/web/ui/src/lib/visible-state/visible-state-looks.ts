import type { VisibleState } from '@kadens/shared/rules';

/** How a state looks: a sign that says it without colour, and text and background colours. */
interface StateLook {
  sign: string;
  background: string;
  color: string;
}

const NEUTRAL = { background: '#eceff1', color: '#37474f' };
const WAITING = { background: '#fff3cd', color: '#6a4a00' };
const WARNING = { background: '#ffe0d6', color: '#8a2a0a' };
const SIGNED_OFF = { background: '#e6f4ea', color: '#1b5e20' };
const ON_ITS_WAY = { background: '#e3ecfd', color: '#0b3d91' };

/**
 * Every visible state's look, the same everywhere. Each pair has at least 4.5:1 contrast, and each
 * state has its own sign and word, so colour is never the only difference (approved ✓ on pale green,
 * published ✓✓ in white on dark green).
 */
export const VISIBLE_STATE_LOOKS: Readonly<Record<VisibleState, StateLook>> = {
  draft: { sign: '✎', ...NEUTRAL },
  in_review: { sign: '◔', ...WAITING },
  changes_requested: { sign: '↺', ...WARNING },
  approved: { sign: '✓', ...SIGNED_OFF },
  queued: { sign: '◷', ...ON_ITS_WAY },
  publishing: { sign: '↻', background: '#0b3d91', color: '#ffffff' },
  partly_published: { sign: '◐', background: '#d7f5dd', color: '#0d5a1e' },
  published: { sign: '✓✓', background: '#1b5e20', color: '#ffffff' },
  held: { sign: '‖', ...WAITING },
  failed: { sign: '!', background: '#b3261e', color: '#ffffff' },
  unconfirmed: { sign: '?', ...WARNING },
  expired: { sign: '×', background: '#fde0dc', color: '#8c1d18' },
  cancelled: { sign: '⊘', background: '#e0e0e0', color: '#555555' },
};
