#!/usr/bin/env node
// The image's health check, for every role, without loading the app (tens of milliseconds, not a second).
// With HEALTH_FILE set (workers and schedulers open no port) it passes while the process has rewritten
// that file within the last 30 s — it does so every 5 s while it is ready (HeartbeatService). Without it,
// it asks http://127.0.0.1:$PORT/api/health/ready. Exit 0 healthy, 1 not. Shipped as dist/api/healthcheck.mjs.
import { statSync } from 'node:fs';

const MAX_AGE_MS = 30_000;
const file = process.env.HEALTH_FILE?.trim();

function finish(healthy, message) {
  (healthy ? console.log : console.error)(message);
  process.exit(healthy ? 0 : 1);
}

if (file) {
  let ageMs;
  try {
    ageMs = Date.now() - statSync(file).mtimeMs;
  } catch {
    finish(false, `unhealthy: no heartbeat at ${file}`);
  }
  if (ageMs <= MAX_AGE_MS) finish(true, `healthy: heartbeat ${Math.round(ageMs / 1000)} s ago`);
  else finish(false, `unhealthy: last heartbeat ${Math.round(ageMs / 1000)} s ago (${file})`);
} else {
  const url = `http://127.0.0.1:${process.env.PORT?.trim() || 3000}/api/health/ready`;
  fetch(url, { signal: AbortSignal.timeout(4_000) }).then(
    (response) => finish(response.ok, `${response.ok ? 'healthy' : 'unhealthy'}: ${url} answered ${response.status}`),
    (error) => finish(false, `unhealthy: ${url}: ${error.message}`),
  );
}
