export * from './demo-pods';
