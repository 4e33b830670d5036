// Pure builders of the CloudWatch alarms' metric queries (unit-tested).

/** Lambda error rate in percent: 100 × Errors / Invocations over the period, 0 when there were no invocations. */
export function errorRateQueries(functionName: string, periodSeconds = 300) {
  const metric = (name: string) => ({
    metricName: name,
    namespace: 'AWS/Lambda',
    period: periodSeconds,
    stat: 'Sum',
    dimensions: { FunctionName: functionName },
  });
  return [
    { id: 'errors', metric: metric('Errors'), returnData: false },
    { id: 'invocations', metric: metric('Invocations'), returnData: false },
    {
      id: 'errorRate',
      expression: 'IF(invocations > 0, 100 * errors / invocations, 0)',
      label: 'Error rate (%)',
      returnData: true,
    },
  ];
}

/** Evaluates the errorRate expression the way CloudWatch does, for tests and the README's worked example. */
export function errorRate(errors: number, invocations: number): number {
  return invocations > 0 ? (100 * errors) / invocations : 0;
}

/** Connections alarm threshold: `percent` % of the instance's max_connections. */
export function connectionsThreshold(maxConnections: number, percent: number): number {
  return Math.floor((maxConnections * percent) / 100);
}
