import type { Violation } from './promises';

/** One field that failed validation: its path in the body or query (e.g. `audiences.0.name`) and why. */
export interface FieldError {
  field: string;
  messages: string[];
}

/** The shape of every error the API answers with. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** A stable, machine-readable reason (e.g. `last_admin`), which the web translates. */
  code?: string;
  errors?: FieldError[];
  /** With code `rule_violations` (422): the blocking rules the change breaks. */
  violations?: Violation[];
}
