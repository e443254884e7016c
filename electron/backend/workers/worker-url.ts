/**
 * Where a worker's entry file is. From source (CLI, tests) it is the `.ts` file beside the caller,
 * which Node 22 runs directly; in the Electron build electron-vite emits each worker as a `.js`
 * entry in out/main, beside the main bundle (shared code may sit one level down in chunks/).
 */
export function workerUrl(callerUrl: string, name: string): URL {
  if (callerUrl.endsWith('.ts')) return new URL(`./${name}.ts`, callerUrl);
  const base = callerUrl.includes('/chunks/') ? new URL('../', callerUrl) : new URL('./', callerUrl);
  return new URL(`${name}.js`, base);
}
