export * from './orgs';
export * from './users';
export * from './audit';
export * from './cases';
export * from './notifications';
export * from './proceedings';
export * from './audit-stats';
export * from './evidence';
