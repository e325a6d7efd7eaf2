export {
  createCertflow,
  type Certflow,
  type CertflowMailOptions,
  type CertflowOptions,
} from './create-certflow.js';
export type { HostActorResolver } from '@certflow/server';
export type { Actor, AnyFlow, Engine, InstanceView } from '@certflow/engine';
