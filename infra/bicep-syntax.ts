/**
 * Offline syntax check of Bicep files, for CI: the official Bicep CLI is not on the npm registry or in
 * Debian, so we parse with the tree-sitter Bicep grammar (`tree-sitter-bicep`, its bundled WebAssembly
 * build, run by `web-tree-sitter`: no native build, no network). This finds syntax errors (unbalanced
 * braces, missing values, misspelt keywords) and lists declarations; it does NOT type-check resource
 * properties or API versions: `az bicep build` / `what-if` remain the authority at deployment time.
 *
 * CLI: `npx tsx infra/bicep-syntax.ts infra/azure.bicep` → one Dutch line per problem, exit 1 on errors.
 */
import fs from 'node:fs';
import Parser from 'web-tree-sitter';

/** One syntax problem; line and column are 1-based. */
export interface BicepProblem {
  line: number;
  column: number;
  message: string;
}

/** Top-level declarations of a Bicep file. `required` params have no default value. */
export interface BicepDeclarations {
  params: { name: string; required: boolean; secure: boolean }[];
  outputs: string[];
  resources: string[];
}

let parser: Promise<Parser> | undefined;

/** The shared parser (the grammar is loaded once per process). */
function bicepParser(): Promise<Parser> {
  parser ??= (async () => {
    await Parser.init();
    const language = await Parser.Language.load(require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm'));
    const p = new Parser();
    p.setLanguage(language);
    return p;
  })();
  return parser;
}

/**
 * Parses Bicep source and reports syntax errors (ERROR and MISSING nodes of the grammar), in Dutch.
 * @returns problems (empty when the file parses) and the top-level declarations
 */
export async function checkBicep(source: string): Promise<{ problems: BicepProblem[]; declarations: BicepDeclarations }> {
  const tree = (await bicepParser()).parse(source);
  const problems: BicepProblem[] = [];
  const visit = (node: Parser.SyntaxNode): void => {
    if (node.isMissing) {
      problems.push({ line: node.startPosition.row + 1, column: node.startPosition.column + 1, message: `ontbrekend ${node.type}` });
    } else if (node.type === 'ERROR') {
      const text = node.text.split('\n')[0].slice(0, 60);
      problems.push({ line: node.startPosition.row + 1, column: node.startPosition.column + 1, message: `onverwacht: ${text}` });
      return;
    }
    if (node.hasError) for (const child of node.children) visit(child);
  };
  visit(tree.rootNode);

  const declarations: BicepDeclarations = { params: [], outputs: [], resources: [] };
  const top = tree.rootNode.children;
  top.forEach((node, i) => {
    const name = node.namedChildren.find((c) => c.type === 'identifier')?.text ?? '';
    if (node.type === 'parameter_declaration') {
      const decorators = top[i - 1]?.type === 'decorators' ? top[i - 1].text : '';
      declarations.params.push({ name, required: !node.children.some((c) => c.type === '='), secure: /@secure\(\)/.test(decorators) });
    } else if (node.type === 'output_declaration') declarations.outputs.push(name);
    else if (node.type === 'resource_declaration') declarations.resources.push(name);
  });
  tree.delete();
  return { problems, declarations };
}

if (require.main === module) {
  void (async () => {
    const files = process.argv.slice(2);
    let failed = false;
    for (const file of files) {
      const { problems } = await checkBicep(fs.readFileSync(file, 'utf8'));
      for (const p of problems) console.error(`${file}:${p.line}:${p.column}: ${p.message}`);
      if (problems.length) failed = true;
      else console.log(`${file}: syntaxis in orde`);
    }
    process.exitCode = failed || files.length === 0 ? 1 : 0;
  })();
}
