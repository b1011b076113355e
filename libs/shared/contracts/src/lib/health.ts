export type DependencyState = 'up' | 'down' | 'not_configured';

export interface HealthView {
  status: 'ok' | 'unavailable';
  database: DependencyState;
  redis: DependencyState;
}
