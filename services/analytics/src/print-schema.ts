import 'reflect-metadata';
import { printSubgraphSdl } from '@pantau/common';
import { buildAnalyticsSchema } from './schema';

buildAnalyticsSchema().then((schema) => process.stdout.write(printSubgraphSdl(schema)));
