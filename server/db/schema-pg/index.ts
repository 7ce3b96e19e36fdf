/**
 * @module The PostgreSQL schema: the same tables, exported names and property names as ../schema/index.ts, built with
 * drizzle's pg-core so domain code gets the same JS values on either database. drizzle-kit reads this file
 * (drizzle.pg.config.ts); server/db/schema-equivalence.test.ts proves the two describe the same tables.
 */
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
