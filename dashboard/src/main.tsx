import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadCharts } from './charts/lazy';
import './styles.css';

// The first chart should not wait for the data to arrive before its code is even requested.
preloadCharts();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
