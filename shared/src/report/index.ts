/**
 * The jaarverslag integriteit: `buildJaarverslag` computes the JSON contract of docs/contracts.md from list
 * items; `renderDocx`, `renderXlsx` and `renderHtml` render it. Import from `shared/src/report`.
 */
export * from './jaarverslag';
export * from './bronnen';
