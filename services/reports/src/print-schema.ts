import 'reflect-metadata';
import { printSubgraphSdl } from '@pantau/common';
import { buildReportsSchema } from './schema';

buildReportsSchema().then((schema) => process.stdout.write(printSubgraphSdl(schema)));
