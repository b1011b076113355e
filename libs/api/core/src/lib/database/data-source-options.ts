import type { DataSourceOptions } from 'typeorm';

import { MIGRATIONS } from './migrations';

export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'all',
    synchronize: false,
    extra: { max: poolSize, connectionTimeoutMillis: 5_000 },
  };
}
