interface ImportMetaEnv {
  readonly VITE_USERMETRICS_RELEASE: string;
  readonly VITE_USERMETRICS_ENVIRONMENT: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
