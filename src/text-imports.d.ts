/** Files the bundler embeds as their text (scripts/build.mjs maps .yml to esbuild's text loader). */
declare module "*.yml" {
  const text: string;
  export default text;
}
