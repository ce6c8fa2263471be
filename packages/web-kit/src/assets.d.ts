// Stylesheets and images imported by the browser apps are bundled by esbuild, not loaded by TypeScript.
declare module '*.css';
declare module '*.png' {
  const url: string;
  export default url;
}
declare module '*.svg' {
  const url: string;
  export default url;
}
