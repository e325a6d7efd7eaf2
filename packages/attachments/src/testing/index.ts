export * from './files.js';
export { attachmentStoreContract, type StoreUnderTest } from './store-contract.js';
