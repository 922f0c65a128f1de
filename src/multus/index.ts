export * from './multus';
export * from './multus-images';
export * from './multus-log-level';
export * from './multus-mode';
export * from './multus-props';
export * from './multus-version';
