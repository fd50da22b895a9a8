/** The vocabulary now lives in @pantau/contract; re-exported here while consumers move over. */
export * from '@pantau/contract/vocabulary';
