export { createGateway, ForwardingDataSource, type GatewayOptions, type RunningGateway } from './server';
export { composeSupergraph, subgraphSdl } from './compose';
export { SUBGRAPHS, SUPERGRAPH_PATH } from './subgraphs';
