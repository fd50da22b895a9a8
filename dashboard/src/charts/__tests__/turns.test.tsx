import { act, render, waitFor } from '@testing-library/react';
import { preloadCharts, RankedBarChart } from '../lazy';

const data = [
  { key: 'a', label: 'A', value: 3 },
  { key: 'b', label: 'B', value: 2 },
];

test('charts are drawn one per frame once their chunk is loaded: the first at once, the others after a paint each', async () => {
  preloadCharts('/');
  // the charts chunk in memory (what main.tsx starts at start-up)
  await act(async () => {
    await import('../index');
    await new Promise((r) => setTimeout(r, 50));
  });
  const { container } = render(
    <div>
      <RankedBarChart data={data} />
      <RankedBarChart data={data} />
      <RankedBarChart data={data} />
    </div>,
  );
  // first render: one chart drawn without suspending, two placeholders keeping their place
  expect(container.querySelectorAll('.chart-loading')).toHaveLength(2);
  await waitFor(() => expect(container.querySelectorAll('.chart-loading')).toHaveLength(0));
});
