/** Above this many objects a `Map` takes over from the linear scan. */
const LINEAR_LIMIT = 32;

/**
 * What the context redactor remembers about the objects it has entered in one call (in progress, or the
 * finished copy). Log contexts hold a handful of objects, for which two reused arrays and a linear scan
 * are cheaper than a `Map` (whose `clear()` reallocates its table on every line); a large context moves
 * to a `Map` so the cost stays linear.
 * @internal
 */
export class VisitedObjects {
  private readonly objects: object[] = [];
  private readonly values: unknown[] = [];
  private map: Map<object, unknown> | undefined;

  get(key: object): unknown {
    if (this.map !== undefined) return this.map.get(key);
    const objects = this.objects;
    for (let i = 0; i < objects.length; i++) if (objects[i] === key) return this.values[i];
    return undefined;
  }

  set(key: object, value: unknown): void {
    if (this.map !== undefined) {
      this.map.set(key, value);
      return;
    }
    const objects = this.objects;
    for (let i = 0; i < objects.length; i++) {
      if (objects[i] === key) {
        this.values[i] = value;
        return;
      }
    }
    if (objects.length < LINEAR_LIMIT) {
      objects.push(key);
      this.values.push(value);
      return;
    }
    this.map = new Map();
    for (let i = 0; i < objects.length; i++) this.map.set(objects[i] as object, this.values[i]);
    this.map.set(key, value);
  }

  /** Forgets everything, keeping the arrays for the next call. */
  clear(): void {
    this.objects.length = 0;
    this.values.length = 0;
    this.map = undefined;
  }
}
