import type { StdoutCapture } from '../lambda/stdout-capture';
import type { Store } from '../store/create-store';
import type { Printer } from '../terminal/create-printer';

/** What every route of the collector shares. */
export interface CollectorContext {
  store: Store;
  printer: Printer;
  capture: StdoutCapture;
  /** Origins the collector is reachable at (`http://127.0.0.1:4000`, `http://localhost:4000`). */
  origins: string[];
}
