// One door per module: a file may import another module of the server only through that module's index.ts.
// Modules are the folders of `src/modules/`; what lies behind a door (repositories, schemas, internal files) stays
// private to the module, so that a module can change its tables and files without reaching into its neighbours.
// The one exception is the composition root, src/container.ts: it builds each module's repositories on the database
// and hands them to the module's services, so it may import `*.repository.ts` files (and nothing else behind a door).
import { dirname, resolve, sep } from 'node:path';

const MODULE_PATH = /[\\/]src[\\/]modules[\\/]([^\\/]+)[\\/](.+)$/;
const COMPOSITION_ROOT = /[\\/]src[\\/]container\.ts$/;
const REPOSITORY = /\.repository\.ts$/;

/** The module a path lies in, and the path inside it; undefined outside `src/modules/`. */
export function moduleOf(path) {
  const match = MODULE_PATH.exec(path);
  return match ? { name: match[1], inside: match[2].split(sep).join('/') } : undefined;
}

export const moduleDoorRule = {
  meta: {
    type: 'problem',
    docs: { description: 'import another module of the server only through its index.ts' },
    schema: [],
    messages: {
      throughDoor:
        "'{{source}}' reaches inside the {{module}} module; import it from modules/{{module}}/index.ts instead",
    },
  },
  create(context) {
    const filename = context.filename;
    const from = moduleOf(filename);
    const check = (node) => {
      const source = node?.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      if (!source.value.startsWith('.')) return;
      const target = moduleOf(resolve(dirname(filename), source.value));
      if (!target || target.name === from?.name || target.inside === 'index.ts') return;
      if (COMPOSITION_ROOT.test(filename) && REPOSITORY.test(target.inside)) return;
      context.report({ node: source, messageId: 'throughDoor', data: { source: source.value, module: target.name } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { 'module-door': moduleDoorRule } };
