export { startWorker, type RunningWorker } from './compose-worker.js';
export { workerConfigFromEnv, WorkerConfigError, type WorkerConfig } from './worker-config.js';
export { pilotRecurringCalls } from './recurring-calls.js';
export { startHealthServer, type HealthCheck } from './health-server.js';
