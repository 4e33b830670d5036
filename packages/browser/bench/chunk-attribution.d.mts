// Types of chunk-attribution.mjs for the TypeScript tests that import it.
export interface AttributedChunk {
  library: string;
  bytesByLibrary: Record<string, number>;
  min: number;
  gzip: number;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
}
export function libraryOfPath(id: string, pagesDir: string): string | undefined;
export function attributionPlugin(
  pagesDir: string,
  record: (fileName: string, chunk: AttributedChunk) => void,
): { name: string; generateBundle(options: unknown, bundle: Record<string, unknown>): void };
export function pageSizes(
  chunks: Map<string, AttributedChunk>,
): Record<string, { beforeLoad: number; lazy: number; rendered: Record<string, number> }>;
