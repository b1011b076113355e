/** Service hours most channels start from; each fills the opening_hours field. Labels: `strategy.promises.hours.presets.<key>`. */
export const SERVICE_HOURS_PRESETS = [
  { key: 'weekdays0912', openingHours: 'Mo-Fr 09:00-12:00; PH off' },
  { key: 'weekdays0816', openingHours: 'Mo-Fr 08:00-16:00; PH off' },
  { key: 'everyDay1014', openingHours: 'Mo-Su 10:00-14:00' },
] as const;
