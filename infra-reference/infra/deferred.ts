/**
 * An Output whose value is supplied later in the program, for the rare case where resource A needs a value of
 * resource B that is created after A in code but has no dependency back on A (a bucket policy naming a role
 * whose permissions name the bucket). Pulumi only ever sees values, no cycle.
 */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return {
    output: $output(promise),
    resolveFrom(value: $util.Input<T>) {
      $output(value).apply((v) => {
        resolve(v as T);
        return v;
      });
    },
  };
}
