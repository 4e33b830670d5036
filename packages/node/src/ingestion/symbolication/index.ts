export type {
  ReportSymbolication,
  SymbolicateReport,
  SymbolicationOptions,
} from './create-error-symbolication';
export { createErrorSymbolication } from './create-error-symbolication';
export type { SourceMapInput, SourceMapResolver, SourceMapsOption } from './types';
