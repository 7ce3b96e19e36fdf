/** @module The whole schema, one file per aggregate; drizzle-kit reads this to generate migrations. */
export * from './beta.ts';
export * from './calculator.ts';
export * from './campaign.ts';
export * from './catalogue.ts';
export * from './code-import.ts';
export * from './coordination.ts';
export * from './draw.ts';
export * from './launch.ts';
export * from './messaging.ts';
export * from './office.ts';
export * from './organization.ts';
export * from './participant.ts';
export * from './promo.ts';
export * from './support-library.ts';
export * from './team.ts';
export * from './telemetry.ts';
