import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyResult,
  APIGatewayProxyResultV2,
  Context,
  LambdaFunctionURLEvent,
} from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { collectStdout, ORIGIN, v1Event, v2Event } from '../../test/ingestion/fixtures';
import { createErrorReportHandler } from './create-error-report-handler';
import { createWebVitalsHandler } from './create-web-vitals-handler';

// These assignments are the test: `tsc --noEmit` fails if the handlers stop fitting the official types.
type V2Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;
type V1Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;
type UrlHandler = (event: LambdaFunctionURLEvent, context: Context) => Promise<APIGatewayProxyResultV2>;

describe('fit with @types/aws-lambda', () => {
  it('the handlers are assignable to v1, v2 and Function URL handler types and answer those events', async () => {
    const v2: V2Handler = createWebVitalsHandler({ stdout: collectStdout(), allowedOrigins: [ORIGIN] });
    const v1: V1Handler = createErrorReportHandler({ stdout: collectStdout(), allowedOrigins: [ORIGIN] });
    const url: UrlHandler = createWebVitalsHandler({ stdout: collectStdout(), allowedOrigins: [ORIGIN] });
    const context = { awsRequestId: 'r' } as Context;

    const answers = await Promise.all([
      v2(v2Event({ method: 'GET' }) as APIGatewayProxyEventV2, context),
      v1(v1Event({ method: 'GET' }) as APIGatewayProxyEvent, context),
      url(v2Event({ method: 'GET' }) as LambdaFunctionURLEvent, context),
    ]);

    expect(answers.map((a) => (a as APIGatewayProxyResult).statusCode)).toEqual([405, 405, 405]);
  });
});
