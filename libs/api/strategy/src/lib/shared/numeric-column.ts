import type { ValueTransformer } from 'typeorm';

/** PostgreSQL `numeric` reaches us from the driver as a string; the API speaks numbers. */
export const NUMERIC_AS_NUMBER: ValueTransformer = {
  to: (value: unknown) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
