import path from 'node:path';
import { DEFAULT_PORTS, type ServiceName } from '@pantau/common';

/** The three subgraphs, in composition order. */
export const SUBGRAPHS: ServiceName[] = ['agencies', 'reports', 'analytics'];

/** URL written into the checked-in supergraph (the default local ports); the gateway overrides it from env. */
export const defaultUrl = (name: ServiceName) => `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`;

export const SUPERGRAPH_PATH = path.resolve(__dirname, '../supergraph.graphql');
