export * from './contract/index';
export * from './models/engine-status';
export * from './models/container';
export * from './models/download';
