import { CombinedError } from 'urql';
import { classifyError, ownServiceDown } from '../errors';

const unavailable = (service: string, path: (string | number)[]) =>
  new CombinedError({ graphQLErrors: [{ message: `The ${service} service could not be reached`, path, extensions: { code: 'SUBGRAPH_UNAVAILABLE', service } } as any] });

describe('ownServiceDown', () => {
  it("is true only when the panel's own subgraph did not answer", () => {
    const analyticsDown = unavailable('analytics', ['region', 'reportStats']);
    expect(ownServiceDown(analyticsDown, 'analytics')).toBe(true);
    expect(ownServiceDown(analyticsDown, 'registry')).toBe(false);
    expect(ownServiceDown(analyticsDown, 'reports')).toBe(false);
    expect(ownServiceDown(unavailable('agencies', ['reports', 'edges', 0, 'node', 'agency', 'name']), 'registry')).toBe(true);
    expect(ownServiceDown(unavailable('agencies', ['reports', 'edges', 0, 'node', 'agency', 'name']), 'reports')).toBe(false);
    expect(ownServiceDown(undefined, 'analytics')).toBe(false);
  });

  it('classifies an unavailable subgraph as a service problem', () => {
    expect(classifyError(unavailable('analytics', ['analyticsOverview']))).toBe('service');
  });
});
