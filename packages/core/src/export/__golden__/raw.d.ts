/** Vite's `?raw` import: the file's exact text, which the golden tests compare byte for byte. */
declare module '*?raw' {
  const text: string;
  export default text;
}
