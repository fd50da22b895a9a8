import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadCharts } from './charts/lazy';
import { prefetchFirstView } from './graphql/prefetch';
import './styles.css';

// The first chart waits for three things: its data, the charts chunk and the page's chunk. All three
// are requested here, before React renders anything, instead of one after the other (issue 12).
performance.mark('pantau:entry');
if (prefetchFirstView() > 0) void import('./pages/OverviewPage');
preloadCharts();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
