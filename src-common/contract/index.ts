export * from './errors';
export * from './calls';
export * from './streams';
export * from './wire';
export * from './flow';
export type * from './handlers';
export * from './bridge';
