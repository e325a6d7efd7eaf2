export { startWorker, type RunningWorker } from './compose-worker.js';
export { workerConfigFromEnv, WorkerConfigError, type WorkerConfig } from './worker-config.js';
export { startHealthServer, type HealthCheck } from './health-server.js';
