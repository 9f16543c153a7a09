declare module "virtual:demo-files" {
  const files: Record<string, string>;
  export default files;
}
