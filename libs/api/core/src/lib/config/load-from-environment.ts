import { type AppConfig, loadAppConfig } from './app-config';

/** The one place the application reads process.env. */
export function loadAppConfigFromEnvironment(): AppConfig {
  return loadAppConfig(process.env, process.cwd());
}
