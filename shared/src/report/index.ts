/**
 * The jaarverslag integriteit (issue 8): `buildJaarverslag` computes the DESIGN.md JSON contract from list
 * items; `renderDocx`, `renderXlsx` and `renderHtml` render it. Import from `shared/src/report`.
 */
export * from './jaarverslag';
export * from './bronnen';
