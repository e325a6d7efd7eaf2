/** The record builders live beside the engine's store contract; the db tests use the same ones. */
export * from '@certflow/engine/testing';
