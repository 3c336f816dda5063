// The browser entry point: one tRPC client and one query cache for the page's lifetime, then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { AppProviders } from './app-providers';
import { createQueryClient } from './query-client';
import { createBrowserTrpcClient } from './trpc';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

createRoot(container).render(
  <StrictMode>
    <AppProviders trpcClient={createBrowserTrpcClient()} queryClient={createQueryClient()}>
      <App />
    </AppProviders>
  </StrictMode>,
);
