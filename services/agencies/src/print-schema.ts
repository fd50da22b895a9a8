import 'reflect-metadata';
import { printSubgraphSdl } from '@pantau/common';
import { buildAgenciesSchema } from './schema';

buildAgenciesSchema().then((schema) => process.stdout.write(printSubgraphSdl(schema)));
