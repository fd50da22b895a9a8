import { createLogger, servicePort, stopOnSignals } from '@pantau/common';
import { createGateway } from './server';

createGateway({ port: servicePort('gateway') })
  .then((gateway) => stopOnSignals(gateway, createLogger('gateway')))
  .catch((err) => {
    createLogger('gateway').fatal({ err }, 'failed to start');
    process.exit(1);
  });
