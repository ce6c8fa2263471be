// Which module imports which: the edges of the server's module graph, read from the import statements of every file
// of `src/modules/<name>/` (specs left out: a spec may set up state through any module, as the test harness does).
// Modules depend on one another one way, bottom-up; a cycle would mean neither can change without the other.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export type ModuleGraph = Map<string, Set<string>>;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** For each module, the other modules its files import (through the door or not: any edge counts). */
export function readModuleGraph(modulesFolder: string): ModuleGraph {
  const graph: ModuleGraph = new Map();
  const modules = readdirSync(modulesFolder, { withFileTypes: true }).filter((e) => e.isDirectory());
  for (const { name } of modules) {
    const edges = new Set<string>();
    for (const file of sourceFiles(join(modulesFolder, name))) {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      for (const { fileName } of importedFiles) {
        if (!fileName.startsWith('.')) continue;
        const target = relative(modulesFolder, resolve(dirname(file), fileName)).split(sep)[0];
        if (target && target !== name && !target.startsWith('..')) edges.add(target);
      }
    }
    graph.set(name, edges);
  }
  return graph;
}

/** A cycle of the graph as the modules along it (the first repeated at the end), or undefined when there is none. */
export function findCycle(graph: ModuleGraph): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * The graph as docs/architecture.md draws it: the fenced block after the `module-graph` marker, one module a line,
 * `name → door, door` (or `name` alone for a module that imports none).
 */
export function documentedModuleGraph(markdown: string): ModuleGraph {
  const marker = markdown.indexOf('<!-- module-graph');
  if (marker < 0) throw new Error('no <!-- module-graph --> marker in the architecture document');
  const block = /```[a-z]*\n([\s\S]*?)```/.exec(markdown.slice(marker));
  if (!block) throw new Error('no fenced block after the module-graph marker');
  const graph: ModuleGraph = new Map();
  for (const line of block[1]!.split('\n').map((l) => l.trim())) {
    if (!line) continue;
    const [name, doors = ''] = line.split('→').map((part) => part.trim());
    graph.set(name!, new Set(doors ? doors.split(',').map((d) => d.trim()) : []));
  }
  return graph;
}
