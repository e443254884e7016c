// The layering of the architecture (STYLE.md "The shape"), checked on what an import *names*, not on
// how its text looks: a relative specifier is resolved against the importing file to the file it
// reaches, and that file's layer must be one the importer may use (VS Code's layering rule); a
// package must be on the importer's layer's allow-list (Signal's allow-list per layer). Type-only
// imports count too: a type from the wrong layer drags its module's assumptions along.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Packages with no I/O and no environment of their own, usable wherever shared/ is. */
const PURE_PACKAGES = ['valibot'];

/**
 * Each layer: the folder it is (most specific first), the layers it may import, whether it may
 * import Node's built-in modules, and the packages it may import. Anything not listed is refused.
 * tests/, eslint-rules/ and the root config files are no layer and are not checked.
 */
export const LAYERS = [
  {
    name: 'electron/backend',
    folder: 'electron/backend',
    imports: ['electron/backend', 'shared'],
    node: true,
    packages: [
      ...PURE_PACKAGES,
      'better-sqlite3-multiple-ciphers',
      'exceljs',
      'iconv-lite',
      'papaparse',
      'saxes',
      'yauzl',
      '@resvg/resvg-js',
      'echarts',
      // The exchange database (PostgreSQL): the client, and COPY for loading a demo exchange.
      'pg',
      'pg-copy-streams',
    ],
    why: 'electron/backend is plain Node: it imports only electron/backend, shared/, Node built-ins and its own packages, never Electron or the UI',
  },
  {
    name: 'electron/main',
    folder: 'electron/main',
    imports: ['electron/main', 'electron/backend', 'shared'],
    node: true,
    packages: ['electron'],
    why: 'the main process imports only electron/main, electron/backend, shared/, Node built-ins and electron, never the UI or the preload',
  },
  {
    name: 'electron/preload',
    folder: 'electron/preload',
    imports: ['electron/preload', 'shared/contract'],
    node: false,
    packages: ['electron'],
    why: 'the preload is a narrow facade: it imports only electron and shared/contract',
  },
  {
    name: 'electron/launch',
    folder: 'electron/launch',
    imports: ['electron/launch'],
    node: true,
    packages: [],
    why: 'the launcher (npm start) only starts Electron: it imports only Node built-ins',
  },
  {
    name: 'renderer',
    folder: 'renderer',
    imports: ['renderer', 'shared'],
    node: false,
    packages: [...PURE_PACKAGES, 'react', 'react-dom', 'echarts'],
    why: 'the renderer is browser code: it imports only renderer/, shared/ and its UI packages, never Node, Electron or the backend',
  },
  {
    name: 'shared',
    folder: 'shared',
    imports: ['shared'],
    node: false,
    packages: PURE_PACKAGES,
    why: `shared/ is pure TypeScript: it imports only shared/ and the pure packages (${PURE_PACKAGES.join(', ')})`,
  },
];

/**
 * Inside the backend, pipelines/ holds one function per use case (import, sync, evaluate, detect):
 * the top of the backend. It may import every backend folder; only the shells that run use cases
 * (the CLI, the job worker, app start-up, the API handlers) may import it.
 */
export const PIPELINES = { folder: 'electron/backend/pipelines', importedOnlyBy: ['cli', 'jobs', 'app', 'api', 'pipelines'] };

function within(path, folder) {
  return path === folder || path.startsWith(`${folder}/`);
}

function layerOf(path) {
  return LAYERS.find((l) => within(path, l.folder)) ?? null;
}

function mayReach(layer, target) {
  return layer.imports.some((folder) => within(target, folder));
}

const NODE_BUILTINS = new Set(builtinModules);

/** 'node:fs/promises' -> builtin; '@resvg/resvg-js/x' -> '@resvg/resvg-js'; 'echarts/core' -> 'echarts'. */
function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isBuiltin(specifier) {
  return specifier.startsWith('node:') || NODE_BUILTINS.has(packageOf(specifier));
}

function projectPath(absolute) {
  return relative(ROOT, absolute).split(sep).join('/');
}

/** The problem with one import, or null. `from` and the result are project-relative paths. */
export function layerViolation(from, specifier) {
  const layer = layerOf(from);
  if (layer === null) return null;
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const target = projectPath(resolve(ROOT, dirname(from), specifier));
    if (!mayReach(layer, target)) return `${from} may not import ${target}: ${layer.why}.`;
    if (within(target, PIPELINES.folder) && !PIPELINES.importedOnlyBy.some((f) => within(from, `electron/backend/${f}`))) {
      return (
        `${from} may not import ${target}: pipelines/ is the top of the backend; only ` +
        `${PIPELINES.importedOnlyBy.filter((f) => f !== 'pipelines').join('/, ')}/ run use cases.`
      );
    }
    return null;
  }
  if (isBuiltin(specifier)) return layer.node ? null : `${from} may not import the Node module '${specifier}': ${layer.why}.`;
  if (!layer.packages.includes(packageOf(specifier))) {
    return `${from} may not import the package '${specifier}': ${layer.why}. A new package goes on the layer's list in eslint-rules/layers.js.`;
  }
  return null;
}

const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only the layers and packages the architecture allows it (eslint-rules/layers.js).' },
    schema: [],
  },
  create(context) {
    const from = projectPath(context.filename);
    const check = (source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const message = layerViolation(from, source.value);
      if (message !== null) context.report({ node: source, message });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
      TSExternalModuleReference: (node) => check(node.expression),
    };
  },
};

export default { meta: { name: 'layers' }, rules: { imports: importsRule } };
