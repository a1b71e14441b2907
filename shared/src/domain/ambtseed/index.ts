/** Ambtseed and workshop integriteit: pure domain rules. No I/O here. */
export * from './verplichtingen';
export * from './boeking';
export * from './status';
export * from './herinneringen';
export * from './prognose';
export * from './tijden';
export * from './boekingsplan';
export * from './aanwezigheid';
