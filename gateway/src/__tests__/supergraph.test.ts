import fs from 'node:fs';
import { composeSupergraph } from '../compose';
import { SUPERGRAPH_PATH } from '../subgraphs';

describe('supergraph', () => {
  it('is composed from the current subgraph schemas (run `npm run compose` when this fails)', async () => {
    const composed = await composeSupergraph();
    const checkedIn = fs.existsSync(SUPERGRAPH_PATH) ? fs.readFileSync(SUPERGRAPH_PATH, 'utf8') : '';
    expect(checkedIn).toBe(composed);
  });
});
