import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { documentedModuleGraph, findCycle, readModuleGraph, type ModuleGraph } from './module-graph.ts';

const modulesFolder = fileURLToPath(new URL('../src/modules/', import.meta.url));
const architecture = fileURLToPath(new URL('../../../docs/architecture.md', import.meta.url));

const graphOf = (edges: Record<string, string[]>): ModuleGraph =>
  new Map(Object.entries(edges).map(([name, doors]) => [name, new Set(doors)]));
const sorted = (graph: ModuleGraph) =>
  Object.fromEntries([...graph.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([n, d]) => [n, [...d].sort()]));

test('a cycle is found however long, and a graph that only points down has none', () => {
  assert.deepEqual(findCycle(graphOf({ a: ['b'], b: ['a'] })), ['a', 'b', 'a']);
  assert.deepEqual(findCycle(graphOf({ a: ['b'], b: ['c'], c: ['d'], d: ['b'] })), ['b', 'c', 'd', 'b']);
  assert.equal(findCycle(graphOf({ a: ['b', 'c'], b: ['c'], c: [] })), undefined);
});

test('the modules depend on one another one way: no cycle between them', () => {
  const graph = readModuleGraph(modulesFolder);
  assert.ok(graph.size >= 10, `read ${graph.size} modules`);
  assert.equal(findCycle(graph), undefined, `modules import one another in a cycle: ${findCycle(graph)?.join(' → ')}`);
});

test('docs/architecture.md draws the module graph as it is', () => {
  const documented = documentedModuleGraph(readFileSync(architecture, 'utf8'));
  assert.deepEqual(sorted(documented), sorted(readModuleGraph(modulesFolder)));
});
