/** Vite's `?raw` imports (vitest): a file's text, used by tests to read the seed plans' budget tables. */
declare module '*.csv?raw' {
  const text: string;
  export default text;
}
