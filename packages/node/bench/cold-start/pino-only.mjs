// Reference, not a competitor: pino alone (one logger, one line), the floor of any logger built on pino.
import pino from 'pino';

const logger = pino();
export const handler = async () => {
  logger.info({ orderId: 'o-1' }, 'order placed');
  return { statusCode: 200, body: '{"ok":true}' };
};
