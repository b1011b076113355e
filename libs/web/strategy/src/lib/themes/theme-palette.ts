/** A few clearly different colours to pick from; any other #rrggbb can be typed or picked freely. */
export const THEME_PALETTE = [
  { name: 'blue', color: '#1e88e5' },
  { name: 'teal', color: '#00897b' },
  { name: 'green', color: '#43a047' },
  { name: 'yellow', color: '#f9a825' },
  { name: 'orange', color: '#ef6c00' },
  { name: 'red', color: '#e53935' },
  { name: 'pink', color: '#d81b60' },
  { name: 'purple', color: '#8e24aa' },
  { name: 'brown', color: '#6d4c41' },
  { name: 'grey', color: '#546e7a' },
] as const;
